package io.clix.aws.internal.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the generated state machine is built from. The table name and activity ARNs are JSON values
 * so the same states can hold literal strings (for the API) or CloudFormation references such as
 * {@code {"Ref": "ClixTable"}} (for a template fragment).
 *
 * @param waitStyle how waits hand over their task tokens
 * @param tableName the game table's name
 * @param lobbyActivity the lobby wait activity (used in activities mode)
 * @param roundActivity the round wait activity (used in activities mode)
 * @param timerActivity the timer activity (used in both modes)
 * @param heartbeatSeconds HeartbeatSeconds of the activity waits, if any
 * @param timerTimeoutSeconds TimeoutSeconds of the timer activity task
 */
public record DefinitionOptions(
    WaitStyle waitStyle,
    JsonNode tableName,
    JsonNode lobbyActivity,
    JsonNode roundActivity,
    JsonNode timerActivity,
    OptionalInt heartbeatSeconds,
    int timerTimeoutSeconds) {

  /** Checks every value is present. */
  public DefinitionOptions {
    Objects.requireNonNull(waitStyle, "waitStyle");
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(lobbyActivity, "lobbyActivity");
    Objects.requireNonNull(roundActivity, "roundActivity");
    Objects.requireNonNull(timerActivity, "timerActivity");
    Objects.requireNonNull(heartbeatSeconds, "heartbeatSeconds");
  }

  /** Checks a DynamoDB table name (3 to 255 of {@code a-z A-Z 0-9 _ . -}). */
  public static String tableName(String tableName) {
    if (tableName == null || !tableName.matches("[a-zA-Z0-9_.-]{3,255}")) {
      throw new IllegalArgumentException("not a DynamoDB table name: " + tableName);
    }
    return tableName;
  }

  /** Checks a seconds option of the definition (HeartbeatSeconds, a TimeoutSeconds) is positive. */
  public static int positiveSeconds(int seconds, String option) {
    if (seconds < 1) {
      throw new IllegalArgumentException(option + " must be positive: " + seconds);
    }
    return seconds;
  }
}
