package io.clix.core.internal;

import io.clix.core.GameEvent;
import java.util.List;

/**
 * What one rule did: the new state and the events it appended (none for a repeated, idempotent
 * call, in which case {@link #state()} is the unchanged state).
 */
public record Step(GameState state, List<GameEvent> events) {
  public Step {
    events = List.copyOf(events);
  }

  /** True if the rule changed nothing (an idempotent repeat). */
  public boolean unchanged() {
    return events.isEmpty();
  }
}
