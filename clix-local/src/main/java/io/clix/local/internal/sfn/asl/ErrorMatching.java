package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How Retry and Catch select an error, and the retry schedule a Retrier describes. {@code
 * States.ALL} matches any error name except the terminal {@code States.DataLimitExceeded} and
 * {@code States.Runtime}; {@code States.TaskFailed} matches any error name except {@code
 * States.Timeout} (and those two terminal ones). {@code States.Runtime} is never caught or retried.
 */
public final class ErrorMatching {

  private static final String ALL = "States.ALL";
  private static final String TASK_FAILED = "States.TaskFailed";
  private static final String TIMEOUT = "States.Timeout";

  private ErrorMatching() {}

  /** Whether a Retrier's or Catcher's ErrorEquals selects {@code error}. */
  public static boolean matches(List<String> errorEquals, String error) {
    if (StatesError.RUNTIME.equals(error)) {
      return false;
    }
    boolean terminal = StatesError.DATA_LIMIT_EXCEEDED.equals(error);
    for (String name : errorEquals) {
      if (name.equals(error)) {
        return true;
      }
      if (!terminal && ALL.equals(name)) {
        return true;
      }
      if (!terminal && TASK_FAILED.equals(name) && !TIMEOUT.equals(error)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a Retrier's or Catcher's node (its {@code ErrorEquals} array) selects {@code error}. */
  public static boolean matches(JsonNode retrierOrCatcher, String error) {
    List<String> names = new ArrayList<>();
    retrierOrCatcher.path("ErrorEquals").forEach(n -> names.add(n.asText()));
    return matches(names, error);
  }

  /** MaxAttempts (default 3; 0 means never retry). */
  public static int maxAttempts(JsonNode retrier) {
    JsonNode value = retrier.get("MaxAttempts");
    return value == null || !value.isNumber() ? 3 : value.asInt();
  }

  /**
   * The wait before retry number {@code attempt} (1 for the first retry): IntervalSeconds (default
   * 1) times BackoffRate (default 2.0) to the power {@code attempt - 1}, capped by
   * MaxDelaySeconds, then with {@code "JitterStrategy": "FULL"} a uniformly random duration
   * between zero and that delay.
   */
  public static Duration retryDelay(JsonNode retrier, int attempt, RandomGenerator random) {
    double interval = retrier.has("IntervalSeconds") ? retrier.get("IntervalSeconds").asDouble() : 1;
    double backoff = retrier.has("BackoffRate") ? retrier.get("BackoffRate").asDouble() : 2.0;
    double seconds = interval * Math.pow(backoff, Math.max(0, attempt - 1));
    if (retrier.has("MaxDelaySeconds")) {
      seconds = Math.min(seconds, retrier.get("MaxDelaySeconds").asDouble());
    }
    if ("FULL".equals(retrier.path("JitterStrategy").asText("NONE"))) {
      seconds = random.nextDouble() * seconds;
    }
    return Duration.ofNanos(Math.round(Math.min(seconds, 1e9) * 1_000_000_000L));
  }
}
