package io.clix.aws.internal.provision;

import static io.clix.aws.internal.definition.GameItemSchema.EXPIRES_AT;
import static io.clix.aws.internal.definition.GameItemSchema.PK;
import static io.clix.aws.internal.definition.GameItemSchema.SK;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the game table if it is missing ({@code pk} S HASH, {@code sk} N RANGE, on-demand, with a
 * NEW_IMAGE stream) and turns on TTL on {@code expiresAt} and the stream on an existing table; an existing table is kept (its billing mode too) if its key is
 * Clix's, and refused with a clear message otherwise.
 */
public final class TableProvisioner {

  /** The stream view type {@code GameEventStream} reads: the new image holds the event. */
  public static final String STREAM_VIEW_TYPE = "NEW_IMAGE";

  private static final List<KeySchemaElement> KEY_SCHEMA = List.of(
      KeySchemaElement.builder().attributeName(PK).keyType(KeyType.HASH).build(),
      KeySchemaElement.builder().attributeName(SK).keyType(KeyType.RANGE).build());

  private final DynamoDbClient dynamoDb;
  private final Duration pollInterval;
  private final Duration timeout;

  public TableProvisioner(DynamoDbClient dynamoDb, Duration pollInterval, Duration timeout) {
    this.dynamoDb = dynamoDb;
    this.pollInterval = pollInterval;
    this.timeout = timeout;
  }

  /**
   * Makes sure the table exists, is ACTIVE, has Clix's key and TTL on {@code expiresAt}.
   *
   * @return the table's ARN
   * @throws IllegalStateException if a table of that name exists with another key or TTL attribute
   */
  public String ensure(String tableName) {
    TableDescription table = describe(tableName);
    if (table == null) {
      create(tableName);
    }
    table = awaitActive(tableName);
    checkKey(table);
    if (ensureStream(table)) {
      table = awaitActive(tableName);
    }
    ensureTimeToLive(tableName);
    return table.tableArn();
  }

  private TableDescription describe(String tableName) {
    try {
      return dynamoDb.describeTable(r -> r.tableName(tableName)).table();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private void create(String tableName) {
    try {
      dynamoDb.createTable(r -> r.tableName(tableName)
          .keySchema(KEY_SCHEMA)
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName(PK).attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName(SK).attributeType(ScalarAttributeType.N).build())
          .billingMode(BillingMode.PAY_PER_REQUEST)
          .streamSpecification(s -> s.streamEnabled(true).streamViewType(STREAM_VIEW_TYPE)));
    } catch (ResourceInUseException e) {
      // Another provisioner created it meanwhile: wait for it like for ours.
    }
  }

  /** Enables the stream Clix reads on an existing table; true if it changed the table. */
  private boolean ensureStream(TableDescription table) {
    var spec = table.streamSpecification();
    if (spec != null && Boolean.TRUE.equals(spec.streamEnabled())) {
      String view = spec.streamViewTypeAsString();
      if (!STREAM_VIEW_TYPE.equals(view) && !"NEW_AND_OLD_IMAGES".equals(view)) {
        throw new IllegalStateException("table " + table.tableName() + " streams " + view
            + " records; Clix needs NEW_IMAGE or NEW_AND_OLD_IMAGES");
      }
      return false;
    }
    dynamoDb.updateTable(r -> r.tableName(table.tableName())
        .streamSpecification(s -> s.streamEnabled(true).streamViewType(STREAM_VIEW_TYPE)));
    return true;
  }

  private TableDescription awaitActive(String tableName) {
    try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
        .client(dynamoDb)
        .overrideConfiguration(c -> c.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval))
            .waitTimeout(timeout)
            .maxAttempts(Integer.MAX_VALUE))
        .build()) {
      return waiter.waitUntilTableExists(r -> r.tableName(tableName))
          .matched()
          .response()
          .map(response -> response.table())
          .orElseThrow(() -> new IllegalStateException("table " + tableName + " did not become ACTIVE"));
    }
  }

  private static void checkKey(TableDescription table) {
    if (!KEY_SCHEMA.equals(table.keySchema())) {
      throw new IllegalStateException("table " + table.tableName() + " has the key " + table.keySchema()
          + "; Clix needs pk (S, HASH) and sk (N, RANGE)");
    }
    table.attributeDefinitions().forEach(definition -> {
      ScalarAttributeType expected = definition.attributeName().equals(PK) ? ScalarAttributeType.S
          : definition.attributeName().equals(SK) ? ScalarAttributeType.N : null;
      if (expected != null && definition.attributeType() != expected) {
        throw new IllegalStateException("table " + table.tableName() + " types " + definition.attributeName()
            + " as " + definition.attributeType() + "; Clix needs " + expected);
      }
    });
  }

  private void ensureTimeToLive(String tableName) {
    TimeToLiveDescription ttl = dynamoDb.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();
    TimeToLiveStatus status = ttl == null ? TimeToLiveStatus.DISABLED : ttl.timeToLiveStatus();
    boolean onOrTurningOn = status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
    if (onOrTurningOn && EXPIRES_AT.equals(ttl.attributeName())) {
      return;
    }
    if (onOrTurningOn) {
      throw new IllegalStateException("table " + tableName + " has TTL on " + ttl.attributeName()
          + "; Clix needs it on " + EXPIRES_AT);
    }
    dynamoDb.updateTimeToLive(r -> r.tableName(tableName)
        .timeToLiveSpecification(s -> s.enabled(true).attributeName(EXPIRES_AT)));
  }
}
