package io.clix.local.internal.dynamodb.partiql;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The tables of the PartiQL tests, as in the DynamoDB documentation's examples: {@code Music} keyed
 * by {@code Artist} and {@code SongTitle}, with a global index {@code ByGenre} (keys only).
 */
final class PartiqlTables {

  private PartiqlTables() {}

  /** Drops and recreates the tables, empty. */
  static void reset(DynamoDbClient dynamo) {
    for (String name : dynamo.listTables().tableNames()) {
      dynamo.deleteTable(r -> r.tableName(name));
    }
    dynamo.createTable(r -> r.tableName("Music").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("Artist").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("SongTitle").keyType(KeyType.RANGE).build())
        .attributeDefinitions(attribute("Artist"), attribute("SongTitle"), attribute("Genre"))
        .globalSecondaryIndexes(g -> g.indexName("ByGenre")
            .keySchema(KeySchemaElement.builder().attributeName("Genre").keyType(KeyType.HASH).build())
            .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))));
    dynamo.createTable(r -> r.tableName("Orders").billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("OrderID").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("OrderID").attributeType("N").build()));
  }

  /** Four songs: s1..s3 by A (1999, 2005, 2020), s4 by B; genres rock, none, jazz-rock... */
  static void songs(DynamoDbClient dynamo) {
    dynamo.executeStatement(r -> r.statement(
        "INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 's1', 'Year': 1999, 'Genre': 'rock'}"));
    dynamo.executeStatement(r -> r.statement(
        "INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 's2', 'Year': 2005}"));
    dynamo.executeStatement(r -> r.statement(
        "INSERT INTO Music VALUE {'Artist': 'A', 'SongTitle': 's3', 'Year': 2020, 'Genre': 'acid jazz'}"));
    dynamo.executeStatement(r -> r.statement(
        "INSERT INTO Music VALUE {'Artist': 'B', 'SongTitle': 's4', 'Year': 2021, 'Genre': 'rock'}"));
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType("S").build();
  }
}
