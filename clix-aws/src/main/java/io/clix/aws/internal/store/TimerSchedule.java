package io.clix.aws.internal.store;

import static io.clix.aws.internal.store.ItemCodec.n;
import static io.clix.aws.internal.store.ItemCodec.s;

import io.clix.aws.internal.definition.GameItemSchema;
import io.clix.core.GameStatus;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import io.clix.core.internal.GameTimers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The game item's {@code schedule}: every timer the game will fire if nobody acts from this state on,
 * in order, each with the instant the game announced for it and the status, round and point the game
 * has once it fired. The state machine waits for the head with a {@code TimestampPath} (so a deadline
 * fires at its announced instant however late the execution got there), records it as the marker
 * {@code fired.<point>} at that instant, moves the mirrors and drops the head: the game goes on with no
 * backend alive, and {@link TimerFold} applies the same markers with the same {@link GameRules} later.
 * Every backend write replaces the schedule with the one of the state it wrote. The rules say which
 * timer comes next and what it does ({@link GameTimers}); a game has at most {@link
 * GameTimers#maxTimers} (the lobby's, one per round or one per turn: at most 104 entries of about 80
 * bytes, as the spec's history bound keeps a TURNS game within {@code Limits.MAX_TURNS}).
 */
final class TimerSchedule {

  private TimerSchedule() {}

  /** One timer the game will fire, and the mirrors after it. */
  record Tick(String point, Instant at, GameStatus status, int round, String next) {}

  /** The timers of this state, nobody acting: at most {@link GameTimers#maxTimers} of its spec. */
  static List<Tick> of(GameState state) {
    List<Tick> ticks = new ArrayList<>();
    int max = GameTimers.maxTimers(state.spec());
    GameState s = state;
    while (ticks.size() < max) {
      GameTimers.Timer timer = GameTimers.next(s).orElse(null);
      if (timer == null) {
        break;
      }
      s = GameTimers.fire(s, timer.kind(), timer.number(), timer.at()).state();
      ticks.add(new Tick(WaitPoint.timer(timer), timer.at(), s.status(), s.round(), WaitPoint.current(s)));
    }
    return ticks;
  }

  /** The schedule as the item stores it: a list of maps the state machine reads by fixed paths. */
  static AttributeValue attribute(GameState state) {
    List<AttributeValue> list = new ArrayList<>();
    for (Tick t : of(state)) {
      list.add(AttributeValue.fromM(Map.of(
          GameItemSchema.TICK_POINT, s(t.point()),
          GameItemSchema.TICK_AT, s(t.at().toString()),
          GameItemSchema.TICK_STATUS, s(t.status().name()),
          GameItemSchema.TICK_ROUND, n(t.round()),
          GameItemSchema.TICK_NEXT, s(t.next()))));
    }
    return AttributeValue.fromL(list);
  }
}
