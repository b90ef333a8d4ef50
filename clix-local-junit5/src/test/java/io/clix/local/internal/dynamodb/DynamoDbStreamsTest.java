package io.clix.local.internal.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import io.clix.local.junit5.LocalStackExtension;
import io.clix.local.junit5.LocalStackOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** DynamoDB Streams on the local stack, through the real {@link DynamoDbStreamsClient}, on a manual clock. */
@ExtendWith(LocalStackExtension.class)
@LocalStackOptions(stackPerMethod = true)
class DynamoDbStreamsTest {

  @Test
  void recordsEveryChangeWithTheImagesOfItsViewType(LocalStack stack, DynamoDbClient dynamoDb) {
    DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(stack);
    String arn = table(dynamoDb, "Games", StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(dynamoDb.describeTable(b -> b.tableName("Games")).table().latestStreamArn()).isEqualTo(arn);
    assertThat(streams.listStreams(b -> b.tableName("Games")).streams())
        .singleElement().satisfies(s -> assertThat(s.streamArn()).isEqualTo(arn));

    put(dynamoDb, "Games", "g1", "1");
    put(dynamoDb, "Games", "g1", "1");
    dynamoDb.updateItem(b -> b.tableName("Games").key(key("g1")).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("2"))));
    dynamoDb.deleteItem(b -> b.tableName("Games").key(key("g1")));
    dynamoDb.deleteItem(b -> b.tableName("Games").key(key("absent")));

    List<Record> records = readAll(streams, arn);
    assertThat(records).extracting(Record::eventName)
        .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
    Record modify = records.get(1);
    assertThat(modify.eventSource()).isEqualTo("aws:dynamodb");
    assertThat(modify.eventVersion()).isEqualTo("1.1");
    assertThat(modify.awsRegion()).isEqualTo(stack.region());
    assertThat(modify.dynamodb().keys()).isEqualTo(key("g1"));
    assertThat(modify.dynamodb().oldImage().get("v").s()).isEqualTo("1");
    assertThat(modify.dynamodb().newImage().get("v").s()).isEqualTo("2");
    assertThat(modify.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    assertThat(modify.dynamodb().sizeBytes()).isEqualTo(4 + 6 + 6);
    assertThat(modify.dynamodb().approximateCreationDateTime()).isEqualTo(stack.clock().instant()
        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    assertThat(records).extracting(r -> r.dynamodb().sequenceNumber()).isSorted().doesNotHaveDuplicates();
    assertThat(records.get(2).dynamodb().hasNewImage()).isFalse();
  }

  @Test
  void viewTypesChooseTheImages(LocalStack stack, DynamoDbClient dynamoDb) {
    DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(stack);
    for (StreamViewType type : List.of(StreamViewType.KEYS_ONLY, StreamViewType.NEW_IMAGE, StreamViewType.OLD_IMAGE)) {
      String arn = table(dynamoDb, "T" + type, type);
      put(dynamoDb, "T" + type, "a", "1");
      put(dynamoDb, "T" + type, "a", "2");
      Record modify = readAll(streams, arn).get(1);
      assertThat(modify.dynamodb().hasNewImage()).isEqualTo(type == StreamViewType.NEW_IMAGE);
      assertThat(modify.dynamodb().hasOldImage()).isEqualTo(type == StreamViewType.OLD_IMAGE);
      assertThat(modify.dynamodb().keys()).isEqualTo(key("a"));
    }
  }

  @Test
  void batchesTransactionsAndTtlDeletionsAreRecorded(LocalStack stack, DynamoDbClient dynamoDb) {
    DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(stack);
    String arn = table(dynamoDb, "Games", StreamViewType.NEW_IMAGE);
    dynamoDb.updateTimeToLive(b -> b.tableName("Games").timeToLiveSpecification(t -> t.enabled(true)
        .attributeName("expires")));
    dynamoDb.batchWriteItem(b -> b.requestItems(Map.of("Games", List.of(
        software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder()
            .putRequest(p -> p.item(item("b1", "1"))).build()))));
    dynamoDb.transactWriteItems(b -> b.transactItems(t -> t.put(p -> p.tableName("Games").item(item("t1", "1"))),
        t -> t.delete(d -> d.tableName("Games").key(key("b1")))));
    long expiry = stack.clock().instant().getEpochSecond() + 60;
    dynamoDb.putItem(b -> b.tableName("Games").item(Map.of("id", AttributeValue.fromS("x"),
        "expires", AttributeValue.fromN(Long.toString(expiry)))));
    stack.advance(Duration.ofMinutes(2));
    assertThat(dynamoDb.getItem(b -> b.tableName("Games").key(key("x"))).hasItem()).isFalse();

    List<Record> records = readAll(streams, arn);
    assertThat(records).extracting(r -> r.eventName() + " " + r.dynamodb().keys().get("id").s())
        .containsExactly("INSERT b1", "INSERT t1", "REMOVE b1", "INSERT x", "REMOVE x");
    assertThat(records.get(4).userIdentity().type()).isEqualTo("Service");
    assertThat(records.get(4).userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
    assertThat(records.get(2).userIdentity()).isNull();
  }

  @Test
  void iteratorsStartWhereAskedAndExpireAfterFifteenMinutes(LocalStack stack, DynamoDbClient dynamoDb) {
    DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(stack);
    String arn = table(dynamoDb, "Games", StreamViewType.KEYS_ONLY);
    put(dynamoDb, "Games", "a", "1");
    put(dynamoDb, "Games", "b", "1");
    String shard = shards(streams, arn).get(0).shardId();
    String latest = iterator(streams, arn, shard, ShardIteratorType.LATEST, null);
    put(dynamoDb, "Games", "c", "1");
    List<Record> all = readAll(streams, arn);
    String second = all.get(1).dynamodb().sequenceNumber();

    assertThat(ids(streams.getRecords(b -> b.shardIterator(latest)))).containsExactly("c");
    assertThat(ids(streams.getRecords(b -> b.shardIterator(
        iterator(streams, arn, shard, ShardIteratorType.AT_SEQUENCE_NUMBER, second))))).containsExactly("b", "c");
    assertThat(ids(streams.getRecords(b -> b.shardIterator(
        iterator(streams, arn, shard, ShardIteratorType.AFTER_SEQUENCE_NUMBER, second))))).containsExactly("c");
    GetRecordsResponse limited = streams.getRecords(b -> b.limit(1)
        .shardIterator(iterator(streams, arn, shard, ShardIteratorType.TRIM_HORIZON, null)));
    assertThat(ids(limited)).containsExactly("a");
    assertThat(ids(streams.getRecords(b -> b.shardIterator(limited.nextShardIterator())))).containsExactly("b", "c");

    String old = iterator(streams, arn, shard, ShardIteratorType.TRIM_HORIZON, null);
    stack.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(old)))
        .isInstanceOf(ExpiredIteratorException.class);
    assertThatThrownBy(() -> iterator(streams, arn, "shardId-00000000000000000000-nope", ShardIteratorType.LATEST,
        null)).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> streams.describeStream(b -> b.streamArn(arn + "x")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void shardsRollOverWithLineageAndRecordsAreTrimmedAfterADay(LocalStack stack, DynamoDbClient dynamoDb) {
    DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(stack);
    String arn = table(dynamoDb, "Games", StreamViewType.KEYS_ONLY);
    put(dynamoDb, "Games", "a", "1");
    String firstSequence = readAll(streams, arn).get(0).dynamodb().sequenceNumber();
    stack.advance(Duration.ofHours(4));
    put(dynamoDb, "Games", "b", "1");

    List<Shard> shards = shards(streams, arn);
    assertThat(shards).hasSize(2);
    assertThat(shards.get(0).sequenceNumberRange().endingSequenceNumber()).isEqualTo(firstSequence);
    assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
    GetRecordsResponse closed = streams.getRecords(b -> b.shardIterator(
        iterator(streams, arn, shards.get(0).shardId(), ShardIteratorType.TRIM_HORIZON, null)));
    assertThat(ids(closed)).containsExactly("a");
    assertThat(closed.nextShardIterator()).isNull();
    assertThat(readAll(streams, arn)).extracting(r -> r.dynamodb().keys().get("id").s()).containsExactly("a", "b");

    String secondSequence = readAll(streams, arn).get(1).dynamodb().sequenceNumber();

    stack.advance(Duration.ofHours(21));
    GetRecordsResponse trimmed = streams.getRecords(b -> b.shardIterator(
        iterator(streams, arn, shards.get(0).shardId(), ShardIteratorType.TRIM_HORIZON, null)));
    assertThat(trimmed.records()).isEmpty();
    assertThat(trimmed.nextShardIterator()).isNull();
    assertThatThrownBy(() -> iterator(streams, arn, shards.get(0).shardId(), ShardIteratorType.AT_SEQUENCE_NUMBER,
        firstSequence)).isInstanceOf(TrimmedDataAccessException.class);
    String beforeTrim = iterator(streams, arn, shards.get(1).shardId(), ShardIteratorType.TRIM_HORIZON, null);

    stack.advance(Duration.ofHours(4));
    assertThat(shards(streams, arn)).extracting(Shard::shardId).containsExactly(shards.get(1).shardId());
    assertThat(readAll(streams, arn)).isEmpty();
    assertThatThrownBy(() -> iterator(streams, arn, shards.get(1).shardId(), ShardIteratorType.AT_SEQUENCE_NUMBER,
        secondSequence)).isInstanceOf(TrimmedDataAccessException.class);
    assertThatThrownBy(() -> streams.getRecords(b -> b.shardIterator(beforeTrim)))
        .isInstanceOf(ExpiredIteratorException.class);
  }

  @Test
  void updateTableEnablesAndDisablesStreamsAsDynamoDbWordsIt(LocalStack stack, DynamoDbClient dynamoDb) {
    DynamoDbStreamsClient streams = LocalStackClients.dynamoDbStreams(stack);
    String first = table(dynamoDb, "Games", StreamViewType.NEW_IMAGE);
    assertThatThrownBy(() -> dynamoDb.updateTable(b -> b.tableName("Games")
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))))
        .isInstanceOf(DynamoDbException.class)
        .hasMessageStartingWith("Table already has an enabled stream: TableName: Games");
    assertThatThrownBy(() -> dynamoDb.updateTable(b -> b.tableName("Games")
        .streamSpecification(s -> s.streamEnabled(false).streamViewType(StreamViewType.KEYS_ONLY))))
        .hasMessageStartingWith("One or more parameter values were invalid: If stream is being disabled, then"
            + " UpdateViewType must not be specified");
    dynamoDb.updateTable(b -> b.tableName("Games").streamSpecification(s -> s.streamEnabled(false)));
    var described = dynamoDb.describeTable(b -> b.tableName("Games")).table();
    assertThat(described.streamSpecification()).isNull();
    assertThat(described.latestStreamArn()).isEqualTo(first);
    assertThat(streams.describeStream(b -> b.streamArn(first)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.DISABLED);
    assertThatThrownBy(() -> dynamoDb.updateTable(b -> b.tableName("Games")
        .streamSpecification(s -> s.streamEnabled(false))))
        .hasMessageStartingWith("Table has no stream to disable: TableName: Games");
    put(dynamoDb, "Games", "a", "1");

    stack.advance(Duration.ofSeconds(1));
    String second = dynamoDb.updateTable(b -> b.tableName("Games").streamSpecification(s -> s.streamEnabled(true)
        .streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().latestStreamArn();
    assertThat(second).isNotEqualTo(first);
    assertThat(streams.listStreams(b -> b.tableName("Games")).streams()).hasSize(2);
    assertThat(readAll(streams, first)).isEmpty();
    dynamoDb.deleteTable(b -> b.tableName("Games"));
    assertThat(streams.describeStream(b -> b.streamArn(second)).streamDescription().streamStatus())
        .isEqualTo(StreamStatus.DISABLED);
  }

  private static String table(DynamoDbClient dynamoDb, String name, StreamViewType type) {
    return dynamoDb.createTable(b -> b.tableName(name)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .billingMode("PAY_PER_REQUEST")
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(type)))
        .tableDescription().latestStreamArn();
  }

  private static Map<String, AttributeValue> key(String id) {
    return Map.of("id", AttributeValue.fromS(id));
  }

  private static Map<String, AttributeValue> item(String id, String v) {
    return Map.of("id", AttributeValue.fromS(id), "v", AttributeValue.fromS(v));
  }

  private static void put(DynamoDbClient dynamoDb, String table, String id, String v) {
    dynamoDb.putItem(b -> b.tableName(table).item(item(id, v)));
  }

  private static List<Shard> shards(DynamoDbStreamsClient streams, String arn) {
    return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
  }

  private static String iterator(DynamoDbStreamsClient streams, String arn, String shard, ShardIteratorType type,
      String sequence) {
    return streams.getShardIterator(b -> b.streamArn(arn).shardId(shard).shardIteratorType(type)
        .sequenceNumber(sequence)).shardIterator();
  }

  private static List<String> ids(GetRecordsResponse response) {
    return response.records().stream().map(r -> r.dynamodb().keys().get("id").s()).collect(Collectors.toList());
  }

  /** Every retained record of the stream, shard by shard in lineage order, until each open shard is caught up. */
  private static List<Record> readAll(DynamoDbStreamsClient streams, String arn) {
    List<Record> out = new ArrayList<>();
    for (Shard shard : shards(streams, arn)) {
      String next = iterator(streams, arn, shard.shardId(), ShardIteratorType.TRIM_HORIZON, null);
      while (next != null) {
        String current = next;
        GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(current));
        out.addAll(response.records());
        next = response.records().isEmpty() ? null : response.nextShardIterator();
      }
    }
    return out;
  }
}
