package io.clix.aws.internal.store;

import static io.clix.aws.internal.store.ItemCodec.key;
import static io.clix.aws.internal.store.ItemCodec.s;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.core.internal.GameState;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;

/**
 * The task tokens of waiting executions, kept in the game's own item under {@code waitToken} and
 * {@code waitPoint}. A token is stored only if its point is the game's current point, and read
 * only by removing it through a conditional update's {@code ReturnValues} once the game has left
 * that point, so completing game A's wait can only ever read game A's token, and only one
 * backend completes it. Tokens never reach a log, an exception or a view.
 */
public final class TokenStore {

  private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);

  private final AwsCalls calls;
  private final String table;

  public TokenStore(AwsCalls calls, String table) {
    this.calls = calls;
    this.table = table;
  }

  /** The result of {@link #store}. */
  public enum Stored {
    /** The token is stored; a later write that moves the game on completes it. */
    STORED,
    /** The game is no longer at that point (or never was): the token was not stored. */
    NOT_CURRENT
  }

  /** Stores a token for the game's current point; refused (NOT_CURRENT) if the game is elsewhere. */
  public CompletableFuture<Stored> store(String gameId, String point, String token) {
    UpdateItemRequest request = UpdateItemRequest.builder()
        .tableName(table)
        .key(key(gameId, 0))
        .updateExpression("SET #token = :token, #wp = :point")
        .conditionExpression("#point = :point")
        .expressionAttributeNames(Map.of("#token", Attributes.WAIT_TOKEN, "#wp", Attributes.WAIT_POINT,
            "#point", Attributes.POINT))
        .expressionAttributeValues(Map.of(":token", s(token), ":point", s(point)))
        .build();
    return calls.updateItem(request).handle((r, e) -> {
      if (e == null) {
        LOG.debug("stored the task token of game {} at {}", gameId, point);
        return Stored.STORED;
      }
      if (AwsErrors.is(e, "ConditionalCheckFailedException")) {
        return Stored.NOT_CURRENT;
      }
      throw AwsErrors.map(e, "storing the task token (DynamoDB UpdateItem)", gameId, true);
    });
  }

  /**
   * If the game's item holds a token for a point the game has left, removes it and completes the
   * wait with SendTaskSuccess. Never fails: a lost race or an error leaves the execution to its
   * own timers, and is logged without the token.
   */
  public CompletableFuture<Void> completeStale(String gameId, GameState now) {
    UpdateItemRequest request = UpdateItemRequest.builder()
        .tableName(table)
        .key(key(gameId, 0))
        .updateExpression("REMOVE #token, #wp")
        .conditionExpression("attribute_exists(#token) AND #wp <> #point")
        .expressionAttributeNames(Map.of("#token", Attributes.WAIT_TOKEN, "#wp", Attributes.WAIT_POINT,
            "#point", Attributes.POINT))
        .returnValues(ReturnValue.UPDATED_OLD)
        .build();
    return calls.updateItem(request).handle((r, e) -> {
      if (e != null) {
        if (!AwsErrors.is(e, "ConditionalCheckFailedException")) {
          LOG.warn("could not claim the stale task token of game {}: {}", gameId,
              AwsErrors.map(e, "DynamoDB UpdateItem", gameId, true).getMessage());
        }
        return null;
      }
      Map<String, AttributeValue> old = r.attributes();
      AttributeValue token = old == null ? null : old.get(Attributes.WAIT_TOKEN);
      AttributeValue point = old == null ? null : old.get(Attributes.WAIT_POINT);
      if (token == null || token.s() == null) {
        return null;
      }
      return new Claimed(token.s(), point == null ? null : point.s());
    }).thenCompose(claimed -> claimed == null ? CompletableFuture.completedFuture(null)
        : succeed(gameId, claimed.point, claimed.token, output(now)));
  }

  private record Claimed(String token, String point) {
    @Override
    public String toString() {
      return "Claimed[point=" + point + "]";
    }
  }

  /** The output a completed wait hands the execution: which game, and where it is now. */
  public static ObjectNode output(GameState s) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("gameId", s.gameId());
    out.put("status", s.status().name());
    out.put("round", s.round());
    return out;
  }

  /**
   * SendTaskSuccess; {@code TaskTimedOut}, {@code TaskDoesNotExist} and {@code InvalidToken} mean
   * the task already closed (a lost race) and count as done. Never fails; errors are logged.
   */
  public CompletableFuture<Void> succeed(String gameId, String point, String token, ObjectNode output) {
    SendTaskSuccessRequest request = SendTaskSuccessRequest.builder()
        .taskToken(token).output(ItemCodec.json(output)).build();
    return calls.sendTaskSuccess(request).handle((r, e) -> {
      if (e == null) {
        LOG.debug("completed the wait of game {} at {}", gameId, point);
      } else if (isClosedTask(e)) {
        LOG.debug("the wait of game {} at {} had already closed ({})", gameId, point, AwsErrors.errorCode(e));
      } else {
        LOG.warn("could not complete the wait of game {} at {}: {}", gameId, point,
            AwsErrors.map(e, "Step Functions SendTaskSuccess", gameId, true).getMessage());
      }
      return null;
    });
  }

  /** SendTaskFailure with a Clix error code and cause; a closed task counts as done. Never fails. */
  public CompletableFuture<Void> fail(String gameId, String token, String error, String cause) {
    SendTaskFailureRequest request = SendTaskFailureRequest.builder()
        .taskToken(token).error(error).cause(cause).build();
    return calls.sendTaskFailure(request).handle((r, e) -> {
      if (e != null && !isClosedTask(e)) {
        LOG.warn("could not fail a task of game {} with {}: {}", gameId, error,
            AwsErrors.map(e, "Step Functions SendTaskFailure", gameId, true).getMessage());
      }
      return null;
    });
  }

  /** SendTaskHeartbeat; completes with false when the task has closed (stop heartbeating). */
  public CompletableFuture<Boolean> heartbeat(String gameId, String token) {
    return calls.sendTaskHeartbeat(SendTaskHeartbeatRequest.builder().taskToken(token).build())
        .handle((r, e) -> {
          if (e == null) {
            return true;
          }
          if (!isClosedTask(e)) {
            LOG.warn("heartbeat for a task of game {} failed: {}", gameId,
                AwsErrors.map(e, "Step Functions SendTaskHeartbeat", gameId, true).getMessage());
            return true;
          }
          return false;
        });
  }

  /** True if the error says the task is already closed or unknown. */
  public static boolean isClosedTask(Throwable e) {
    String code = AwsErrors.errorCode(e);
    return "TaskTimedOut".equals(code) || "TaskDoesNotExist".equals(code) || "InvalidToken".equals(code);
  }
}
