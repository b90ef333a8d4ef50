package io.clix.aws.internal.store;

import io.clix.core.GameEvent;
import io.clix.core.internal.GameState;
import io.clix.core.internal.GameTimers;
import io.clix.core.internal.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds the timer markers the state machine wrote ({@code fired.lobby}, {@code fired.round-<n>},
 * {@code fired.turn-<n>}) into a game's state, in the order they fired, with {@link
 * GameTimers#fire} (no-ops for markers the game has passed). So every read shows a
 * timeout that fired, even before a worker ran. A TURNS game's turn deadlines that are due are
 * applied too, marker or not: a turn shortened by the miss policy may fall before the deadline the
 * execution sleeps towards (it fires it, at its announced instant, when it wakes), and every read
 * and write must see it ended from its instant on, as the in-memory orchestrator does.
 */
public final class TimerFold {

  private TimerFold() {}

  /**
   * {@link #fold(GameState, Map)}, then every turn deadline due at {@code now}, each at its announced
   * instant; rounds close through the orchestrator's game logic (or none: null).
   */
  public static Step fold(GameState state, Map<String, Instant> fired, Instant now, io.clix.core.GameLogic logic) {
    Step step = foldMarkers(state, fired, logic);
    GameState s = step.state();
    List<GameEvent> events = new ArrayList<>(step.events());
    GameTimers.Timer due = GameTimers.next(s).orElse(null);
    while (due != null && due.kind() == GameTimers.Kind.TURN && !due.at().isAfter(now)) {
      Step turn = GameTimers.fire(s, due.kind(), due.number(), due.at(), logic);
      s = turn.state();
      events.addAll(turn.events());
      due = GameTimers.next(s).orElse(null);
    }
    return new Step(s, events);
  }

  /** The state after every pending marker, and the events the markers caused (none if all are stale). */
  public static Step fold(GameState state, Map<String, Instant> fired) {
    return foldMarkers(state, fired, null);
  }

  /** {@link #fold(GameState, Map, Instant, io.clix.core.GameLogic)} without a game logic. */
  public static Step fold(GameState state, Map<String, Instant> fired, Instant now) {
    return fold(state, fired, now, null);
  }

  private static Step foldMarkers(GameState state, Map<String, Instant> fired, io.clix.core.GameLogic logic) {
    List<Map.Entry<String, Instant>> markers = new ArrayList<>(fired.entrySet());
    markers.sort(Comparator.<Map.Entry<String, Instant>, Instant>comparing(Map.Entry::getValue)
        .thenComparing(e -> order(e.getKey())));
    GameState s = state;
    List<GameEvent> events = new ArrayList<>();
    for (Map.Entry<String, Instant> marker : markers) {
      Step step = apply(s, marker.getKey(), marker.getValue(), logic);
      s = step.state();
      events.addAll(step.events());
    }
    return new Step(s, events);
  }

  private static Step apply(GameState s, String point, Instant firedAt, io.clix.core.GameLogic logic) {
    Optional<GameTimers.Timer> timer = WaitPoint.timerOf(point);
    if (timer.isPresent()) {
      return GameTimers.fire(s, timer.get().kind(), timer.get().number(), firedAt, logic);
    }
    return new Step(s, List.of());
  }

  private static int order(String point) {
    return WaitPoint.timerOf(point).map(GameTimers.Timer::number).orElse(Integer.MAX_VALUE);
  }
}
