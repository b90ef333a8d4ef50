package io.clix.aws.internal.definition;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Objects;

/**
 * The input a game's execution starts with: {@code {"gameId": ..., "lobbyTimeoutSeconds": n,
 * "roundTimeoutSeconds": n}}. The waits read the timeouts through {@code TimeoutSecondsPath}, which
 * needs a positive whole number of seconds, so durations are rounded up (at least 1 s): a timer then
 * never fires before the deadline the game rules computed from the exact duration.
 */
public final class ExecutionInput {

  /** The largest TimeoutSeconds Step Functions accepts on a task. */
  static final long MAX_TIMEOUT_SECONDS = 99_999_999L;

  private ExecutionInput() {}

  /** The execution input for a game. */
  public static ObjectNode of(String gameId, Duration lobbyTimeout, Duration roundTimeout) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put(GameItemSchema.INPUT_GAME_ID, Objects.requireNonNull(gameId, "gameId"));
    input.put(GameItemSchema.INPUT_LOBBY_TIMEOUT, timeoutSeconds(lobbyTimeout));
    input.put(GameItemSchema.INPUT_ROUND_TIMEOUT, timeoutSeconds(roundTimeout));
    return input;
  }

  /**
   * A duration as TimeoutSeconds: whole seconds rounded up, at least 1.
   *
   * @throws IllegalArgumentException if it is negative or beyond what Step Functions accepts
   */
  public static long timeoutSeconds(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("a timeout cannot be negative: " + timeout);
    }
    long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
    if (seconds > MAX_TIMEOUT_SECONDS) {
      throw new IllegalArgumentException("Step Functions takes at most " + MAX_TIMEOUT_SECONDS + " s: " + timeout);
    }
    return Math.max(1, seconds);
  }
}
