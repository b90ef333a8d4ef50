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
 * only through a conditional update's {@code ReturnValues} once the game has left that point, so
 * completing game A's wait can only ever read game A's token; it is removed once its task is
 * closed. Tokens never reach a log, an exception or a view.
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
    return calls.updateItem(gameId, request).handle((r, e) -> {
      if (e == null) {
        LOG.debug("stored the task token of game {} at {}", gameId, point);
        return Stored.STORED;
      }
      if (AwsErrors.is(e, "ConditionalCheckFailedException")) {
        return Stored.NOT_CURRENT;
      }
      throw AwsErrors.rethrow(e);
    });
  }

  /**
   * If the game's item holds a token for a point the game has left, completes the wait with
   * SendTaskSuccess, then removes the token (only if it is still that token). The token is read
   * through an idempotent conditional update's {@code ReturnValues}, so a retry after a lost
   * answer reads it again rather than finding it gone; the token stays stored until the task is
   * known closed, so a failed completion is retried by the next write. Two backends may both send
   * it: the second finds the task closed, which counts as done. Never fails: an error leaves the
   * token for the next write (or the execution to its own timers), and is logged without the token.
   */
  public CompletableFuture<Void> completeStale(String gameId, GameState now) {
    UpdateItemRequest request = UpdateItemRequest.builder()
        .tableName(table)
        .key(key(gameId, 0))
        .updateExpression("SET #token = #token, #wp = #wp")
        .conditionExpression("attribute_exists(#token) AND #wp <> #point")
        .expressionAttributeNames(Map.of("#token", Attributes.WAIT_TOKEN, "#wp", Attributes.WAIT_POINT,
            "#point", Attributes.POINT))
        .returnValues(ReturnValue.UPDATED_NEW)
        .build();
    return calls.updateItem(gameId, request).handle((r, e) -> {
      if (e != null) {
        if (!AwsErrors.is(e, "ConditionalCheckFailedException")) {
          LOG.warn("could not claim the stale task token of game {}: {}", gameId,
              AwsErrors.unwrap(e).getMessage());
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
        : deliver(gameId, claimed.point, claimed.token, output(now)).thenCompose(closed -> closed
            ? forget(gameId, claimed.token) : CompletableFuture.completedFuture(null)));
  }

  /** Removes the stored token if it is still {@code token} (a newer wait's token stays). Never fails. */
  private CompletableFuture<Void> forget(String gameId, String token) {
    UpdateItemRequest request = UpdateItemRequest.builder()
        .tableName(table)
        .key(key(gameId, 0))
        .updateExpression("REMOVE #token, #wp")
        .conditionExpression("#token = :token")
        .expressionAttributeNames(Map.of("#token", Attributes.WAIT_TOKEN, "#wp", Attributes.WAIT_POINT))
        .expressionAttributeValues(Map.of(":token", s(token)))
        .build();
    return calls.updateItem(gameId, request).handle((r, e) -> {
      if (e != null && !AwsErrors.is(e, "ConditionalCheckFailedException")) {
        LOG.warn("could not remove the completed task token of game {}: {}", gameId,
            AwsErrors.unwrap(e).getMessage());
      }
      return null;
    });
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
    return deliver(gameId, point, token, output).thenApply(closed -> null);
  }

  /** {@link #succeed}, completing with true if the task is closed now (by this call or before). */
  private CompletableFuture<Boolean> deliver(String gameId, String point, String token, ObjectNode output) {
    SendTaskSuccessRequest request = SendTaskSuccessRequest.builder()
        .taskToken(token).output(ItemCodec.json(output)).build();
    return calls.sendTaskSuccess(gameId, request).handle((r, e) -> {
      if (e == null) {
        LOG.debug("completed the wait of game {} at {}", gameId, point);
        return true;
      } else if (isClosedTask(e)) {
        calls.metrics().tokenCompletionLost();
        LOG.debug("the wait of game {} at {} had already closed ({})", gameId, point, AwsErrors.errorCode(e));
        return true;
      }
      LOG.warn("could not complete the wait of game {} at {}: {}", gameId, point,
          AwsErrors.unwrap(e).getMessage());
      return false;
    });
  }

  /** SendTaskFailure with a Clix error code and cause; a closed task counts as done. Never fails. */
  public CompletableFuture<Void> fail(String gameId, String token, String error, String cause) {
    SendTaskFailureRequest request = SendTaskFailureRequest.builder()
        .taskToken(token).error(error).cause(cause).build();
    return calls.sendTaskFailure(gameId, request).handle((r, e) -> {
      if (e != null && !isClosedTask(e)) {
        LOG.warn("could not fail a task of game {} with {}: {}", gameId, error,
            AwsErrors.unwrap(e).getMessage());
      }
      return null;
    });
  }

  /** SendTaskHeartbeat; completes with false when the task has closed (stop heartbeating). */
  public CompletableFuture<Boolean> heartbeat(String gameId, String token) {
    return calls.sendTaskHeartbeat(gameId, SendTaskHeartbeatRequest.builder().taskToken(token).build())
        .handle((r, e) -> {
          if (e == null) {
            return true;
          }
          if (!isClosedTask(e)) {
            LOG.warn("heartbeat for a task of game {} failed: {}", gameId,
                AwsErrors.unwrap(e).getMessage());
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
