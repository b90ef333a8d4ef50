package io.clix.aws.internal.store;

import io.clix.core.GameStatus;
import io.clix.core.internal.GameState;
import io.clix.core.internal.GameTimers;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the points a game's execution waits at: {@code lobby}, {@code round-<n>}, and
 * {@code end} (nothing to wait for). The same names key the timer markers in {@code fired}, where
 * the deadline of a TURNS game's turn is {@code turn-<n>} (the game's turn count): a turn is no
 * waiting point of its own, the execution waits at its round.
 */
public final class WaitPoint {

  public static final String LOBBY = "lobby";
  public static final String END = "end";
  private static final Pattern ROUND = Pattern.compile("round-([1-9][0-9]{0,8})");
  private static final Pattern TURN = Pattern.compile("turn-([1-9][0-9]{0,8})");

  private WaitPoint() {}

  /** The point a game in this state waits at. */
  public static String current(GameState s) {
    if (s.status() == GameStatus.LOBBY) {
      return LOBBY;
    }
    if (s.status() == GameStatus.RUNNING) {
      return round(s.round());
    }
    return END;
  }

  public static String round(int n) {
    return "round-" + n;
  }

  /** The round of a {@code round-<n>} point, or empty for anything else. */
  public static Optional<Integer> roundOf(String point) {
    if (point == null) {
      return Optional.empty();
    }
    Matcher m = ROUND.matcher(point);
    return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
  }

  /** The name of a timer, as its marker in {@code fired} and its schedule entry have it. */
  public static String timer(GameTimers.Timer timer) {
    switch (timer.kind()) {
      case LOBBY:
        return LOBBY;
      case ROUND:
        return round(timer.number());
      default:
        return "turn-" + timer.number();
    }
  }

  /** The kind and number of a timer's name, or empty if it names none. */
  public static Optional<GameTimers.Timer> timerOf(String name) {
    if (LOBBY.equals(name)) {
      return Optional.of(new GameTimers.Timer(GameTimers.Kind.LOBBY, 0, null));
    }
    Optional<Integer> round = roundOf(name);
    if (round.isPresent()) {
      return Optional.of(new GameTimers.Timer(GameTimers.Kind.ROUND, round.get(), null));
    }
    Matcher m = name == null ? null : TURN.matcher(name);
    return m != null && m.matches()
        ? Optional.of(new GameTimers.Timer(GameTimers.Kind.TURN, Integer.parseInt(m.group(1)), null))
        : Optional.empty();
  }

  /** True for {@code lobby} and well-formed {@code round-<n>}. */
  public static boolean isWellFormed(String point) {
    return LOBBY.equals(point) || roundOf(point).isPresent();
  }

  /** How a point named by a task relates to the game's state. */
  public enum Relation {
    /** The game waits there now. */
    CURRENT,
    /** The game was there and has moved on: the task is stale, complete it at once. */
    PASSED,
    /** The game never was and never will be there (or not yet): the task is wrong. */
    WRONG
  }

  /** Relates a well-formed point to a game's state. */
  public static Relation relate(String point, GameState s) {
    if (LOBBY.equals(point)) {
      return s.status() == GameStatus.LOBBY ? Relation.CURRENT : Relation.PASSED;
    }
    int n = roundOf(point).orElseThrow();
    if (n > s.spec().rounds()) {
      return Relation.WRONG;
    }
    switch (s.status()) {
      case LOBBY:
        return Relation.WRONG;
      case RUNNING:
        return n == s.round() ? Relation.CURRENT : n < s.round() ? Relation.PASSED : Relation.WRONG;
      default:
        return s.startedAt() == null ? Relation.WRONG : Relation.PASSED;
    }
  }
}
