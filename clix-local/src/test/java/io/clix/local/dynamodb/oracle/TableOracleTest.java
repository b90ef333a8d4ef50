package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Fixture.PLAYERS;
import static io.clix.local.dynamodb.oracle.Fixture.SCORES;

import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * CreateTable (HASH, HASH+RANGE, on demand and provisioned, local and global indexes, and their
 * validation), DescribeTable, ListTables (with paging) and DeleteTable.
 */
@ExtendWith(DifferentialExtension.class)
class TableOracleTest {

  @SuppressWarnings("unchecked") // the SDK's Consumer<...Builder>... varargs
  static CreateTableRequest.Builder hashTable(String name) {
    return CreateTableRequest.builder().tableName(name)
        .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S))
        .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH))
        .billingMode(BillingMode.PAY_PER_REQUEST);
  }

  @SuppressWarnings("unchecked") // the SDK's Consumer<...Builder>... varargs
  static Stream<OracleCase> cases() {
    return Stream.of(
        OracleCase.of("describe the fixture tables", DescribeTableRequest.builder().tableName(PLAYERS),
            DescribeTableRequest.builder().tableName(SCORES)),
        OracleCase.of("describe a missing table", DescribeTableRequest.builder().tableName("Nope")),
        OracleCase.of("describe the time to live of a new table", DescribeTimeToLiveRequest.builder().tableName(PLAYERS)),
        OracleCase.of("list tables", ListTablesRequest.builder()),
        OracleCase.of("list tables by pages", ListTablesRequest.builder().limit(2),
            ListTablesRequest.builder().exclusiveStartTableName("Blobs").limit(2),
            ListTablesRequest.builder().exclusiveStartTableName("Players")),
        OracleCase.of("create, describe and delete a HASH table on demand", hashTable("Fresh"),
            DescribeTableRequest.builder().tableName("Fresh"), DeleteTableRequest.builder().tableName("Fresh"),
            DescribeTableRequest.builder().tableName("Fresh")),
        OracleCase.of("create a provisioned HASH+RANGE table", CreateTableRequest.builder().tableName("Ranged")
            .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.N),
                a -> a.attributeName("r").attributeType(ScalarAttributeType.B))
            .keySchema(k -> k.attributeName("h").keyType(KeyType.HASH), k -> k.attributeName("r").keyType(KeyType.RANGE))
            .provisionedThroughput(t -> t.readCapacityUnits(3L).writeCapacityUnits(4L))),
        OracleCase.of("create a table with indexes of every projection", CreateTableRequest.builder().tableName("Idx")
            .attributeDefinitions(a -> a.attributeName("h").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("r").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("x").attributeType(ScalarAttributeType.N))
            .keySchema(k -> k.attributeName("h").keyType(KeyType.HASH), k -> k.attributeName("r").keyType(KeyType.RANGE))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .localSecondaryIndexes(i -> i.indexName("lsi").keySchema(k -> k.attributeName("h").keyType(KeyType.HASH),
                    k -> k.attributeName("x").keyType(KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("a", "b")))
            .globalSecondaryIndexes(i -> i.indexName("gsi").keySchema(k -> k.attributeName("x").keyType(KeyType.HASH))
                .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))),
            DescribeTableRequest.builder().tableName("Idx")),
        OracleCase.of("create an existing table", hashTable(PLAYERS))
            .errorTypeOnly(DynaliteDeviations.NO_MESSAGE_FOR_EXISTING_TABLE),
        OracleCase.of("delete a missing table", DeleteTableRequest.builder().tableName("Nope")),
        OracleCase.of("create with a key attribute not defined", CreateTableRequest.builder().tableName("Bad")
            .attributeDefinitions(a -> a.attributeName("x").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)),
        OracleCase.of("create with an unused attribute definition", hashTable("Bad")
            .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("extra").attributeType(ScalarAttributeType.S))),
        OracleCase.of("create with two HASH keys", hashTable("Bad")
            .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("j").attributeType(ScalarAttributeType.S))
            .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH), k -> k.attributeName("j").keyType(KeyType.HASH))),
        OracleCase.of("create provisioned without throughput", hashTable("Bad").billingMode(BillingMode.PROVISIONED)),
        OracleCase.of("create on demand with throughput", hashTable("Bad")
            .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))),
        OracleCase.of("create with a short name", hashTable("ab")),
        OracleCase.of("create with an invalid name", hashTable("bad name!")),
        OracleCase.of("create a local index on a HASH table", hashTable("Bad")
            .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("x").attributeType(ScalarAttributeType.S))
            .localSecondaryIndexes(i -> i.indexName("lsi").keySchema(k -> k.attributeName("k").keyType(KeyType.HASH),
                k -> k.attributeName("x").keyType(KeyType.RANGE)).projection(p -> p.projectionType(ProjectionType.ALL)))),
        OracleCase.of("create a global index without a projection", hashTable("Bad")
            .attributeDefinitions(a -> a.attributeName("k").attributeType(ScalarAttributeType.S),
                a -> a.attributeName("x").attributeType(ScalarAttributeType.S))
            .globalSecondaryIndexes(i -> i.indexName("gsi").keySchema(k -> k.attributeName("x").keyType(KeyType.HASH)))),
        OracleCase.of("create with a BOOL key type", CreateTableRequest.builder().tableName("Bad")
            .attributeDefinitions(a -> a.attributeName("k").attributeType("BOOL"))
            .keySchema(k -> k.attributeName("k").keyType(KeyType.HASH)).billingMode(BillingMode.PAY_PER_REQUEST)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void answersAsDynaliteDoes(OracleCase oracleCase, Differential differential) {
    differential.check(oracleCase);
  }
}
