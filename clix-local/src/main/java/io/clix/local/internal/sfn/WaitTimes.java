package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.sfn.asl.JsonPaths;
import io.clix.local.internal.sfn.asl.StatesError;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** When a Wait state is over: Seconds, Timestamp, SecondsPath or TimestampPath. */
final class WaitTimes {

  private WaitTimes() {}

  static Instant due(JsonNode state, JsonNode input, JsonNode context, Instant entered) {
    if (state.has("Seconds")) {
      return entered.plusSeconds(state.get("Seconds").asLong());
    }
    if (state.has("Timestamp")) {
      return timestamp(state.get("Timestamp").asText(), "Timestamp");
    }
    if (state.has("SecondsPath")) {
      String path = state.get("SecondsPath").asText();
      JsonNode value = JsonPaths.read(input, path, context, "SecondsPath");
      if (!value.isIntegralNumber()) {
        throw new StatesError("States.Runtime", "The SecondsPath parameter cannot be parsed as a long value: "
            + path + " == " + (value.isTextual() ? value.asText() : SfnJson.write(value)));
      }
      if (value.asLong() < 0) {
        throw new StatesError("States.Runtime", "The SecondsPath parameter references a negative value: "
            + path + " == " + value.asLong());
      }
      return entered.plusSeconds(value.asLong());
    }
    if (state.has("TimestampPath")) {
      String path = state.get("TimestampPath").asText();
      JsonNode value = JsonPaths.read(input, path, context, "TimestampPath");
      if (!value.isTextual()) {
        throw invalidTimestamp(path, SfnJson.write(value));
      }
      try {
        return parse(value.asText());
      } catch (DateTimeParseException e) {
        throw invalidTimestamp(path, value.asText());
      }
    }
    return entered;
  }

  private static StatesError invalidTimestamp(String path, String value) {
    return new StatesError("States.Runtime", "The TimestampPath parameter does not reference a valid "
        + "ISO-8601 extended offset date-time format string: " + path + " == " + value);
  }

  private static Instant timestamp(String text, String field) {
    try {
      return parse(text);
    } catch (DateTimeParseException e) {
      throw new StatesError("States.Runtime", "The " + field + " is not a valid timestamp: " + text);
    }
  }

  /** RFC 3339: {@code 2026-01-01T00:00:00Z}, with an optional fraction and any offset. */
  static Instant parse(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
