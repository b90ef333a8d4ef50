package io.clix.aws.internal.router;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.aws.internal.store.WaitPoint;
import io.clix.core.ClixJson;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The input the generated definition gives an activity task: {@code {"gameId": ..., "waitPoint":
 * "lobby"|"round-<n>"}} for a wait, {@code {"gameId": ..., "timer": ...}} for a fired timer (also
 * {@code turn-<n>}, the deadline of a TURNS game's turn).
 *
 * @param gameId the game the task belongs to
 * @param point the waiting point (waits) or the timer (timers)
 */
record TaskInput(String gameId, String point) {

  private static final Pattern GAME_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

  /** Parses a task input; empty (with the reason in {@code problem[0]}) if it is not well-formed. */
  static Optional<TaskInput> parse(String input, String pointField, String[] problem) {
    JsonNode node;
    try {
      node = ClixJson.mapper().readTree(input == null ? "" : input);
    } catch (Exception e) {
      problem[0] = "the task input is not JSON";
      return Optional.empty();
    }
    if (node == null || !node.isObject()) {
      problem[0] = "the task input is not a JSON object";
      return Optional.empty();
    }
    JsonNode id = node.get("gameId");
    if (id == null || !id.isTextual() || !GAME_ID.matcher(id.asText()).matches()) {
      problem[0] = "the task input names no valid gameId";
      return Optional.empty();
    }
    JsonNode point = node.get(pointField);
    boolean timer = "timer".equals(pointField);
    if (point == null || !point.isTextual() || !(timer ? WaitPoint.timerOf(point.asText()).isPresent()
        : WaitPoint.isWellFormed(point.asText()))) {
      problem[0] = "the task input of game " + id.asText() + " names no valid " + pointField
          + (timer ? " (lobby, round-<n> or turn-<n>)" : " (lobby or round-<n>)");
      return Optional.empty();
    }
    return Optional.of(new TaskInput(id.asText(), point.asText()));
  }
}
