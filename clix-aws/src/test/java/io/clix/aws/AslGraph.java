package io.clix.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the transitions of an ASL document (top level, no Parallel/Map) for structural tests. */
final class AslGraph {

  private final JsonNode definition;

  AslGraph(JsonNode definition) {
    this.definition = definition;
  }

  JsonNode state(String name) {
    return definition.path("States").path(name);
  }

  Set<String> stateNames() {
    Set<String> names = new LinkedHashSet<>();
    definition.path("States").fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Every state named by Next, Default, a Choice rule or a Catcher of {@code name}. */
  List<String> targets(String name) {
    JsonNode state = state(name);
    List<String> targets = new ArrayList<>();
    if (state.has("Next")) {
      targets.add(state.get("Next").asText());
    }
    if (state.has("Default")) {
      targets.add(state.get("Default").asText());
    }
    state.path("Choices").forEach(rule -> targets.add(rule.path("Next").asText()));
    state.path("Catch").forEach(catcher -> targets.add(catcher.path("Next").asText()));
    return targets;
  }

  Set<String> reachable() {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(definition.path("StartAt").asText());
    while (!todo.isEmpty()) {
      String name = todo.poll();
      if (seen.add(name)) {
        todo.addAll(targets(name));
      }
    }
    return seen;
  }

  /** Error names of the catchers of {@code name}, in order, each with its target. */
  List<String> catchers(String name) {
    List<String> catchers = new ArrayList<>();
    state(name).path("Catch").forEach(catcher ->
        catcher.path("ErrorEquals").forEach(error ->
            catchers.add(error.asText() + " -> " + catcher.path("Next").asText())));
    return catchers;
  }

  /** Error names of every retrier of {@code name}. */
  List<String> retriedErrors(String name) {
    List<String> errors = new ArrayList<>();
    state(name).path("Retry").forEach(retrier -> retrier.path("ErrorEquals").forEach(e -> errors.add(e.asText())));
    return errors;
  }
}
