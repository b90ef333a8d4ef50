package io.clix.core.internal;

import io.clix.core.EventType;
import io.clix.core.MissPolicy;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * The spec's {@link MissPolicy}, for {@link GameRules} and {@link TurnRules}: a miss plays the
 * default move and counts (only under a policy other than the default, so a default game's state
 * is what it always was); a move resets the count; when a round closes, players whose count reached
 * {@link MissPolicy#forfeitAfter()} are forfeited; a player who missed last gets the shorter turn.
 * A default move goes through the game's logic, if it has one; one the logic refuses is not played.
 */
final class MissRules {

  private MissRules() {}

  /** Whether the game counts misses: its policy is not the default. */
  static boolean counts(Draft d) {
    return !d.spec.missPolicy().equals(MissPolicy.defaults());
  }

  /** {@code playerId} missed the open round's move (its turn or the round's deadline passed). */
  static void missed(Draft d, String playerId) {
    d.spec.missPolicy().defaultMove().filter(move -> BoardRules.playDefault(d, playerId, move)).ifPresent(move -> {
      com.fasterxml.jackson.databind.node.ObjectNode data = Draft.data().put("default", true);
      if (d.board != null) {
        data.set("board", d.board.deepCopy());
      }
      long seq = d.emit(EventType.MOVE_ACCEPTED, playerId, d.round, data);
      d.moves.put(playerId, new GameState.MoveRecord(move, d.now, seq));
    });
    if (counts(d)) {
      d.misses.merge(playerId, 1, Integer::sum);
    }
  }

  /** {@code playerId} moved: the count of consecutive misses starts again. */
  static void moved(Draft d, String playerId) {
    d.misses.remove(playerId);
  }

  /** Whether {@code playerId} missed the closing round's move (a default move may stand for it). */
  static boolean missedThisRound(Draft d, String playerId) {
    return !d.moves.containsKey(playerId) || d.misses.getOrDefault(playerId, 0) > 0;
  }

  /** When a round closed: forfeits every active player whose consecutive misses reached the policy's count. */
  static void forfeit(Draft d) {
    int after = d.spec.missPolicy().forfeitAfter();
    if (after == 0) {
      return;
    }
    List<GameState.Seat> out = d.players.stream()
        .filter(p -> p.active() && d.misses.getOrDefault(p.playerId(), 0) >= after)
        .sorted(Comparator.comparingInt(GameState.Seat::seat)).toList();
    for (GameState.Seat p : out) {
      d.players.replaceAll(s -> s.playerId().equals(p.playerId())
          ? new GameState.Seat(s.playerId(), s.seat(), s.data(), s.joinedAt(), false) : s);
      int misses = d.misses.remove(p.playerId());
      d.emit(EventType.PLAYER_FORFEITED, p.playerId(), d.round,
          Draft.data().put("seat", p.seat()).put("misses", misses));
    }
  }

  /** How the game ends now that fewer than its minimum are active, or {@code CONTINUE}. */
  static MissPolicy.WhenTooFew tooFew(Draft d) {
    long active = d.players.stream().filter(GameState.Seat::active).count();
    return active < d.spec.minPlayers() ? d.spec.missPolicy().whenTooFew() : MissPolicy.WhenTooFew.CONTINUE;
  }

  /** The timeout of {@code playerId}'s next turn: shorter after a miss if the policy says so. */
  static Duration turnTimeout(Draft d, String playerId) {
    Duration shorter = d.spec.missPolicy().timeoutAfterMiss().orElse(null);
    return shorter != null && d.misses.getOrDefault(playerId, 0) > 0 ? shorter : d.spec.turnTimeout();
  }
}
