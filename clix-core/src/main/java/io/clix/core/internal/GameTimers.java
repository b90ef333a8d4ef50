package io.clix.core.internal;

import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.PlayMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The timers of a game, for every orchestrator: which one a state fires next ({@link #next}), the
 * step it makes when it fires ({@link #fire}), and the bounds an orchestrator sizes its timer
 * storage and its waits by. An orchestrator arms {@code next(state)} after every change (in memory),
 * or simulates the timers forward nobody acting (the AWS schedule), without knowing which kinds of
 * timers the rules have.
 */
public final class GameTimers {

  private GameTimers() {}

  /** What a timer ends. */
  public enum Kind {
    /** The lobby timeout; number 0. */
    LOBBY,
    /** A round's deadline; number: the round. */
    ROUND,
    /** A turn's deadline in a {@link PlayMode#TURNS} game; number: the game's turn count. */
    TURN
  }

  /**
   * One timer of a game.
   *
   * @param number the round or turn it ends (0 for the lobby): with {@code kind}, the timer's name
   * @param at the instant the game announced for it
   */
  public record Timer(Kind kind, int number, Instant at) {}

  /** The timer this state fires next if nobody acts, or empty once the game ended. */
  public static Optional<Timer> next(GameState s) {
    if (s.status() == GameStatus.LOBBY && s.lobbyDeadline() != null) {
      return Optional.of(new Timer(Kind.LOBBY, 0, s.lobbyDeadline()));
    }
    if (s.status() == GameStatus.RUNNING && s.turn() != null) {
      return Optional.of(new Timer(Kind.TURN, s.turn().number(), s.turn().deadline()));
    }
    if (s.status() == GameStatus.RUNNING && s.roundDeadline() != null) {
      return Optional.of(new Timer(Kind.ROUND, s.round(), s.roundDeadline()));
    }
    return Optional.empty();
  }

  /**
   * The step timer {@code kind}/{@code number} makes when it fires at {@code at}; no change if the
   * game has passed it (a stale timer).
   */
  public static Step fire(GameState s, Kind kind, int number, Instant at) {
    return fire(s, kind, number, at, null);
  }

  /** {@link #fire(GameState, Kind, int, Instant)} with the orchestrator's game logic (or null). */
  public static Step fire(GameState s, Kind kind, int number, Instant at, io.clix.core.GameLogic logic) {
    switch (kind) {
      case LOBBY:
        return GameRules.lobbyTimeout(s, at);
      case ROUND:
        return GameRules.roundDeadline(s, number, at, logic);
      case TURN:
        return GameRules.turnDeadline(s, number, at, logic);
      default:
        return new Step(s, List.of());
    }
  }

  /** The most timers a game of this spec fires: the lobby's, and one per round or per turn. */
  public static int maxTimers(GameSpec spec) {
    return 1 + (spec.playMode() == PlayMode.TURNS ? spec.rounds() * spec.capacity() : spec.rounds());
  }

  /**
   * The shortest time from the start to the first deadline of the running game: a round timeout, or a
   * turn timeout in a TURNS game. A lobby that re-reads its game this often sees a start before that
   * deadline.
   */
  public static Duration firstDeadline(GameSpec spec) {
    return spec.playMode() == PlayMode.TURNS ? spec.turnTimeout() : spec.roundTimeout();
  }

  /** The longest a game of this spec can last, nobody acting: the lobby, then every round (or every turn). */
  public static Duration longest(GameSpec spec) {
    long waits = spec.playMode() == PlayMode.TURNS ? (long) spec.rounds() * spec.capacity() : spec.rounds();
    return spec.lobbyTimeout().plus(firstDeadline(spec).multipliedBy(waits));
  }
}
