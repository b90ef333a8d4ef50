package io.clix.local.dynamodb.oracle;

import static io.clix.local.dynamodb.oracle.Attr.item;
import static io.clix.local.dynamodb.oracle.Attr.n;
import static io.clix.local.dynamodb.oracle.Attr.s;
import static io.clix.local.dynamodb.oracle.Fixture.BY_TIME;
import static io.clix.local.dynamodb.oracle.Fixture.PLAYERS;
import static io.clix.local.dynamodb.oracle.Fixture.SCORES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.clix.local.LocalStack;
import io.clix.core.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Where dynalite is not the oracle ({@link DynaliteDeviations}), the embedded endpoint is held to
 * DynamoDB's documented behaviour instead, through the real client, on a stack of its own with a
 * {@link ManualClock} (so it runs with or without Node):
 *
 * <ul>
 *   <li>transactions: dynalite answers TransactWriteItems and TransactGetItems with
 *       UnknownOperationException;
 *   <li>TTL: dynalite has no UpdateTimeToLive and its DescribeTimeToLive always says DISABLED;
 *   <li>ReturnValuesOnConditionCheckFailure: dynalite's ConditionalCheckFailedException never
 *       carries the item;
 *   <li>syntax error wording, Select combined with ProjectionExpression, ALL_PROJECTED_ATTRIBUTES
 *       without an index, and unprojected attributes of a local index: dynalite answers otherwise
 *       than the Query API reference says (see each test).
 * </ul>
 */
class DocumentedBehaviourTest {

  private static final ManualClock CLOCK = ManualClock.create();
  private static LocalStack stack;
  private static DynamoDbClient dynamo;

  private static final Map<String, AttributeValue> P1 = item("id", s("p1"));
  private static final Map<String, AttributeValue> P2 = item("id", s("p2"));

  @BeforeAll
  static void start() {
    stack = LocalStack.builder().clock(CLOCK).start();
    dynamo = DifferentialExtension.client(stack.endpoint());
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    stack.close();
  }

  /** The exception {@code call} throws, failing the test unless it throws one of {@code type}. */
  private static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
    return assertThatExceptionOfType(type).isThrownBy(call).actual();
  }

  @BeforeEach
  void fixture() {
    Fixture.reset(dynamo, null);
  }

  // TransactWriteItems: "an all-or-nothing operation"; when a condition fails the call fails with
  // TransactionCanceledException, whose CancellationReasons hold one entry per action, in order,
  // Code "None" for the actions that did not cause it (API reference, TransactWriteItems and
  // CancellationReason; the real answer's shape is quoted in erlcloud/erlcloud#607).
  @Test
  @SuppressWarnings("unchecked") // the SDK's Consumer<...Builder>... varargs
  void transactWriteAppliesEveryActionWhenAllConditionsHold() {
    dynamo.transactWriteItems(t -> t.transactItems(
        i -> i.put(p -> p.tableName(PLAYERS).item(item("id", s("p9"), "x", n(1))).conditionExpression(
            "attribute_not_exists(id)")),
        i -> i.update(u -> u.tableName(PLAYERS).key(P1).updateExpression("SET lvl = lvl + :one")
            .expressionAttributeValues(item(":one", n(1)))),
        i -> i.delete(d -> d.tableName(PLAYERS).key(P2)),
        i -> i.conditionCheck(c -> c.tableName(SCORES).key(item("game", s("g1"), "seq", n(1)))
            .conditionExpression("attribute_exists(game)"))));

    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(item("id", s("p9")))).item()).containsEntry("x", n(1));
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(P1)).item()).containsEntry("lvl", n(8));
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(P2)).hasItem()).isFalse();
  }

  @Test
  @SuppressWarnings("unchecked") // the SDK's Consumer<...Builder>... varargs
  void transactWriteAppliesNothingWhenOneConditionFails() {
    TransactionCanceledException cancelled = thrown(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(t -> t.transactItems(
            i -> i.update(u -> u.tableName(PLAYERS).key(P1).updateExpression("SET lvl = :v")
                .expressionAttributeValues(item(":v", n(100)))),
            i -> i.conditionCheck(c -> c.tableName(PLAYERS).key(P2).conditionExpression("lvl > :min")
                .expressionAttributeValues(item(":min", n(50)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)),
            i -> i.delete(d -> d.tableName(PLAYERS).key(item("id", s("p3")))))));

    assertThat(cancelled.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
    assertThat(cancelled.awsErrorDetails().errorMessage()).isEqualTo(
        "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed, None]");
    List<CancellationReason> reasons = cancelled.cancellationReasons();
    assertThat(reasons).extracting(CancellationReason::code).containsExactly("None", "ConditionalCheckFailed", "None");
    assertThat(reasons.get(1).message()).isEqualTo("The conditional request failed");
    // ReturnValuesOnConditionCheckFailure ALL_OLD puts the item in the reason (boto/boto3#2657 shows AWS's body).
    assertThat(reasons.get(1).item()).containsEntry("id", s("p2")).containsEntry("lvl", n("2.5"));
    assertThat(reasons.get(0).hasItem()).isFalse();
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(P1)).item()).containsEntry("lvl", n(7));
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(item("id", s("p3")))).hasItem()).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked") // the SDK's Consumer<...Builder>... varargs
  void transactWriteRefusesTwoActionsOnOneItem() {
    DynamoDbException refused = thrown(DynamoDbException.class,
        () -> dynamo.transactWriteItems(t -> t.transactItems(
            i -> i.delete(d -> d.tableName(PLAYERS).key(P1)),
            i -> i.conditionCheck(c -> c.tableName(PLAYERS).key(P1).conditionExpression("attribute_exists(id)")))));

    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(P1)).hasItem()).isTrue();
  }

  // TransactGetItems: "Responses: an ordered array of up to 100 ItemResponse objects, each of which
  // corresponds to the TransactGetItem object in the same position"; an item that does not exist
  // gives an ItemResponse without Item.
  @Test
  @SuppressWarnings("unchecked") // the SDK's Consumer<...Builder>... varargs
  void transactGetAnswersInRequestOrder() {
    List<ItemResponse> responses = dynamo.transactGetItems(t -> t.transactItems(
        i -> i.get(g -> g.tableName(PLAYERS).key(P2).projectionExpression("nick")),
        i -> i.get(g -> g.tableName(PLAYERS).key(item("id", s("p9")))),
        i -> i.get(g -> g.tableName(SCORES).key(item("game", s("g2"), "seq", n(20)))))).responses();

    assertThat(responses).hasSize(3);
    assertThat(responses.get(0).item()).isEqualTo(item("nick", s("Bob")));
    assertThat(responses.get(1).hasItem()).isFalse();
    assertThat(responses.get(2).item()).containsEntry("note", s("draw"));
  }

  // Time to Live: UpdateTimeToLive enables it on an attribute holding an epoch time in seconds;
  // DescribeTimeToLive then says ENABLED with that attribute. The local stack expires items on its
  // clock; DynamoDB ignores values more than five years in the past ("Expiring items with TTL").
  @Test
  void timeToLiveExpiresItemsOnTheStackClock() {
    assertThat(dynamo.describeTimeToLive(d -> d.tableName(PLAYERS)).timeToLiveDescription().timeToLiveStatus())
        .isEqualTo(TimeToLiveStatus.DISABLED);
    assertThat(dynamo.updateTimeToLive(u -> u.tableName(PLAYERS)
        .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true))).timeToLiveSpecification().enabled())
        .isTrue();
    var description = dynamo.describeTimeToLive(d -> d.tableName(PLAYERS)).timeToLiveDescription();
    assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
    assertThat(description.attributeName()).isEqualTo("expires");

    long now = CLOCK.instant().getEpochSecond();
    dynamo.putItem(p -> p.tableName(PLAYERS).item(item("id", s("soon"), "expires", n(now + 60))));
    dynamo.putItem(p -> p.tableName(PLAYERS).item(item("id", s("ancient"), "expires", n(now - 6L * 366 * 86400))));
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(item("id", s("soon")))).hasItem()).isTrue();

    stack.advance(Duration.ofSeconds(61));

    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(item("id", s("soon")))).hasItem()).isFalse();
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(item("id", s("ancient")))).hasItem()).isTrue();
  }

  // ReturnValuesOnConditionCheckFailure ALL_OLD: "the item attributes as they appeared before they
  // were updated" come back in the ConditionalCheckFailedException (API reference, PutItem /
  // UpdateItem / DeleteItem); without it the exception carries no item.
  @Test
  void conditionCheckFailureCarriesTheOldItemWhenAsked() {
    ConditionalCheckFailedException put = thrown(ConditionalCheckFailedException.class,
        () -> dynamo.putItem(p -> p.tableName(PLAYERS).item(item("id", s("p2"))).conditionExpression(
            "attribute_not_exists(id)").returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    ConditionalCheckFailedException update = thrown(ConditionalCheckFailedException.class,
        () -> dynamo.updateItem(u -> u.tableName(PLAYERS).key(P2).updateExpression("SET x = :v")
            .conditionExpression("lvl > :v").expressionAttributeValues(item(":v", n(3)))
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    ConditionalCheckFailedException delete = thrown(ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(d -> d.tableName(PLAYERS).key(P2).conditionExpression("attribute_not_exists(id)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE)));

    Map<String, AttributeValue> p2 = dynamo.getItem(g -> g.tableName(PLAYERS).key(P2)).item();
    assertThat(put.item()).isEqualTo(p2);
    assertThat(update.item()).isEqualTo(p2);
    assertThat(delete.hasItem()).isFalse();
    assertThat(put.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
  }

  // DynamoDB names the offending token and its neighbourhood; e.g. "ADD hits : incr" is answered
  // 'Invalid UpdateExpression: Syntax error; token: ":", near: "hits : incr"' (aws/aws-cdk#7591).
  // dynalite words it as its PEG.js parser does (DynaliteDeviations.SYNTAX_ERRORS).
  @Test
  void syntaxErrorsNameTheTokenAndItsNeighbourhood() {
    DynamoDbException error = thrown(DynamoDbException.class,
        () -> dynamo.updateItem(u -> u.tableName(PLAYERS).key(P1).updateExpression("ADD hits : incr")
            .expressionAttributeValues(item(":incr", n(1)))));

    assertThat(error.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    // DynamoDB puts "1 validation error detected: " before some messages and not others (Normalizer).
    assertThat(error.awsErrorDetails().errorMessage().replace(Normalizer.VALIDATION_ENVELOPE, ""))
        .isEqualTo("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
  }

  // Query API reference, Select: "If you use the ProjectionExpression parameter, then the value for
  // Select can only be SPECIFIC_ATTRIBUTES. Any other value for Select will return an error", and
  // ALL_PROJECTED_ATTRIBUTES is "allowed only when querying an index". dynalite accepts both.
  @Test
  void selectMustAgreeWithProjectionAndIndex() {
    DynamoDbException withProjection = thrown(DynamoDbException.class,
        () -> dynamo.query(q -> q.tableName(SCORES).keyConditionExpression("game = :g")
            .expressionAttributeValues(item(":g", s("g1"))).select(Select.ALL_ATTRIBUTES).projectionExpression("move")));
    DynamoDbException withoutIndex = thrown(DynamoDbException.class,
        () -> dynamo.query(q -> q.tableName(SCORES).keyConditionExpression("game = :g")
            .expressionAttributeValues(item(":g", s("g1"))).select(Select.ALL_PROJECTED_ATTRIBUTES)));

    assertThat(withProjection.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(withProjection.awsErrorDetails().errorMessage())
        .contains("Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES");
    assertThat(withoutIndex.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }

  // "If you query or scan a local secondary index and request attributes that are not projected in
  // to the index, DynamoDB will automatically fetch those attributes from the base table"
  // (Developer Guide, Local secondary indexes). dynalite returns only the projected ones.
  @Test
  void localIndexFetchesUnprojectedAttributesFromTheTable() {
    QueryResponse response = dynamo.query(q -> q.tableName(SCORES).indexName(BY_TIME)
        .keyConditionExpression("game = :g AND ts < :t").expressionAttributeValues(item(":g", s("g1"), ":t", n(960)))
        .projectionExpression("move, ts"));

    assertThat(response.items()).containsExactly(item("move", s("m6"), "ts", n(940)), item("move", s("m5"), "ts", n(950)));
  }

  // Comparison operators: "a = b: true if a is equal to b", for values of any type, documents
  // included (Developer Guide, condition and filter expressions). dynalite compares L and M
  // values by reference (its valsEqual), so this never holds there.
  @Test
  void listsAndMapsCompareByValue() {
    var lists = dynamo.scan(r -> r.tableName(PLAYERS).filterExpression("history[2] = :l")
        .expressionAttributeValues(item(":l", Attr.l(n(3)))));
    var maps = dynamo.scan(r -> r.tableName(PLAYERS).filterExpression("stats.streak[0] = :m")
        .expressionAttributeValues(item(":m", Attr.m("game", s("g1"), "won", Attr.bool(true)))));

    assertThat(lists.items()).extracting(i -> i.get("id")).containsExactly(s("p1"));
    assertThat(maps.items()).extracting(i -> i.get("id")).containsExactly(s("p1"));
  }

  // attribute_type(path, type): "true if the attribute at the specified path is of a particular
  // data type". dynalite treats a BOOL false like a missing attribute.
  @Test
  void attributeTypeHoldsForFalseBooleans() {
    var bools = dynamo.scan(r -> r.tableName(PLAYERS).filterExpression("attribute_type(active, :t)")
        .expressionAttributeValues(item(":t", s("BOOL"))));

    assertThat(bools.items()).extracting(i -> i.get("id")).containsExactlyInAnyOrder(s("p1"), s("p2"));
  }

  // DeleteItem ReturnValues: "NONE ... ALL_OLD ... The ReturnValues parameter is used by several
  // DynamoDB operations; however, DeleteItem does not recognize any values other than NONE or
  // ALL_OLD" (API reference). dynalite accepts ALL_NEW and deletes.
  @Test
  void deleteRefusesReturnValuesOtherThanNoneAndAllOld() {
    DynamoDbException refused = thrown(DynamoDbException.class,
        () -> dynamo.deleteItem(d -> d.tableName(PLAYERS).key(P1).returnValues(ReturnValue.ALL_NEW)));

    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(P1)).hasItem()).isTrue();
  }

  // Scan: "If you provide Segment, you must also provide TotalSegments" (API reference, Scan).
  // dynalite scans the whole table instead.
  @Test
  void scanSegmentNeedsTotalSegments() {
    DynamoDbException refused = thrown(DynamoDbException.class,
        () -> dynamo.scan(r -> r.tableName(PLAYERS).segment(0)));

    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }

  // Scan ConsistentRead: "ConsistentRead is not supported on global secondary indexes. If you scan a
  // global secondary index with ConsistentRead set to true, you will receive a ValidationException"
  // (API reference, Scan). dynalite scans the index.
  @Test
  void consistentScanOfAGlobalIndexIsRefused() {
    DynamoDbException refused = thrown(DynamoDbException.class,
        () -> dynamo.scan(r -> r.tableName(SCORES).indexName(Fixture.BY_PLAYER).consistentRead(true)));

    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
  }

  // Numbers: "Positive range: 1E-130 to 9.9999999999999999999999999999999999999E+125" (Developer
  // Guide, Supported data types); a SET whose arithmetic leaves that range fails. dynalite checks
  // the range of values sent in, not of results, and stores 1.98E+126.
  @Test
  void arithmeticPastTheLargestNumberIsRefused() {
    DynamoDbException refused = thrown(DynamoDbException.class,
        () -> dynamo.updateItem(u -> u.tableName(PLAYERS).key(P1).updateExpression("SET a = :x + :x")
            .expressionAttributeValues(item(":x", n("9.9E+125")))));

    assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    assertThat(dynamo.getItem(g -> g.tableName(PLAYERS).key(P1)).item()).doesNotContainKey("a");
  }

  // TableDescription.DeletionProtectionEnabled: "Indicates whether deletion protection is enabled
  // (true) or disabled (false) on the table" (API reference); it came after dynalite, which never
  // sends it, so the normalizer leaves it out of the comparison.
  @Test
  void tableDescriptionSaysDeletionProtectionIsOff() {
    assertThat(dynamo.describeTable(d -> d.tableName(PLAYERS)).table().deletionProtectionEnabled()).isFalse();
  }

  // UpdateItem UPDATED_OLD / UPDATED_NEW return "only the updated attributes"; when none qualifies
  // (a new attribute's old value, a removed attribute's new value) DynamoDB leaves Attributes out
  // rather than sending an empty map (ExtendDB/extenddb#121, checked against DynamoDB). dynalite
  // sends {}, so the normalizer treats an empty Attributes as absent.
  @Test
  void updatedValuesLeaveAttributesOutWhenNoneQualifies() {
    var setNew = dynamo.updateItem(u -> u.tableName(PLAYERS).key(P1).updateExpression("SET fresh = :v")
        .expressionAttributeValues(item(":v", n(1))).returnValues(ReturnValue.UPDATED_OLD));
    var removed = dynamo.updateItem(u -> u.tableName(PLAYERS).key(P1).updateExpression("REMOVE fresh")
        .returnValues(ReturnValue.UPDATED_NEW));

    assertThat(setNew.hasAttributes()).isFalse();
    assertThat(removed.hasAttributes()).isFalse();
  }
}
