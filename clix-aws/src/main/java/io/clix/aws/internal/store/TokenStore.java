package io.clix.aws.internal.store;

import static io.clix.aws.internal.store.ItemCodec.key;
import static io.clix.aws.internal.store.ItemCodec.s;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.core.internal.GameState;
import java.util.Map;
import java.util.UUID;
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
 * completing game A's wait can only ever read game A's token; once claimed it is marked sent
 * ({@code waitSent}) and stays until the next wait's token replaces it. Tokens never reach a log, an
 * exception or a view.
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
   * If the game's item holds a token for a point the game has left that nobody has claimed yet,
   * claims it and completes the wait with SendTaskSuccess. The claim is one conditional update that
   * marks the token sent ({@code waitSent}) under a fresh claim id and reads it back through {@code
   * ReturnValues}; a retry after a lost answer carries the same id, so it reads the token again rather
   * than finding it claimed. The token itself stays (the next wait's token replaces it): other writers
   * skip a marked one, so a wait is completed once, with no call to remove it. If the completion
   * fails (the task is not known closed) the mark is taken back, so the next fresh read retries it.
   * Two backends may both send it (one from a token it filed itself): the second finds the task
   * closed, which counts as done. Never fails: completes with false if the wait may still need
   * completing (an error, logged without the token), true otherwise.
   */
  public CompletableFuture<Boolean> completeStale(String gameId, GameState now) {
    String claim = UUID.randomUUID().toString();
    UpdateItemRequest request = UpdateItemRequest.builder()
        .tableName(table)
        .key(key(gameId, 0))
        .updateExpression("SET #token = #token, #wp = #wp, #sent = #wp, #claim = :claim")
        .conditionExpression("attribute_exists(#token) AND #wp <> #point"
            + " AND (attribute_not_exists(#sent) OR #sent <> #wp OR #claim = :claim)")
        .expressionAttributeNames(Map.of("#token", Attributes.WAIT_TOKEN, "#wp", Attributes.WAIT_POINT,
            "#point", Attributes.POINT, "#sent", Attributes.WAIT_SENT, "#claim", Attributes.WAIT_CLAIM))
        .expressionAttributeValues(Map.of(":claim", s(claim)))
        .returnValues(ReturnValue.UPDATED_NEW)
        .build();
    boolean[] failed = new boolean[1];
    return calls.updateItem(gameId, request).handle((r, e) -> {
      if (e != null) {
        if (!AwsErrors.is(e, "ConditionalCheckFailedException")) {
          failed[0] = true;
          LOG.warn("could not claim the stale task token of game {}: {}", gameId,
              AwsErrors.unwrap(e).getMessage());
        }
        return null;
      }
      Map<String, AttributeValue> got = r.attributes();
      AttributeValue token = got == null ? null : got.get(Attributes.WAIT_TOKEN);
      AttributeValue point = got == null ? null : got.get(Attributes.WAIT_POINT);
      if (token == null || token.s() == null) {
        return null;
      }
      return new Claimed(token.s(), point == null ? null : point.s());
    }).thenCompose(claimed -> claimed == null ? CompletableFuture.completedFuture(!failed[0])
        : deliver(gameId, claimed.point, claimed.token, output(now)).thenCompose(closed -> closed
            ? CompletableFuture.completedFuture(true) : unclaim(gameId, claim).thenApply(v -> false)));
  }

  /** Takes back this claim's mark, so the token counts as unsent again. Never fails. */
  private CompletableFuture<Void> unclaim(String gameId, String claim) {
    UpdateItemRequest request = UpdateItemRequest.builder()
        .tableName(table)
        .key(key(gameId, 0))
        .updateExpression("REMOVE #sent, #claim")
        .conditionExpression("#claim = :claim")
        .expressionAttributeNames(Map.of("#sent", Attributes.WAIT_SENT, "#claim", Attributes.WAIT_CLAIM))
        .expressionAttributeValues(Map.of(":claim", s(claim)))
        .build();
    return calls.updateItem(gameId, request).handle((r, e) -> {
      if (e != null && !AwsErrors.is(e, "ConditionalCheckFailedException")) {
        LOG.warn("could not take back the claim of a task token of game {}: {}", gameId,
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
  CompletableFuture<Boolean> deliver(String gameId, String point, String token, ObjectNode output) {
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
