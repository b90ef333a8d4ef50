package io.clix.core.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.EventType;
import io.clix.core.PlayMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * The turns of a {@link PlayMode#TURNS} round, for {@link GameRules}: when a round opens, its order
 * is fixed (the active players in seat order, the first seat rotating by round if the spec says so)
 * and the first turn opens; a turn ends when its player moves, misses its deadline or leaves, and the
 * next active player of the order gets the next turn. When the order is exhausted the caller closes
 * the round.
 */
final class TurnRules {

  static final String MOVED = "moved";
  static final String MISSED = "missed";
  static final String LEFT = "left";

  private TurnRules() {}

  static boolean turns(Draft d) {
    return d.spec.playMode() == PlayMode.TURNS;
  }

  /** Fixes the order of the round just opened and opens its first turn. */
  static void openRound(Draft d) {
    List<String> order = new ArrayList<>();
    d.players.stream().filter(GameState.Seat::active).sorted(Comparator.comparingInt(GameState.Seat::seat))
        .forEach(p -> order.add(p.playerId()));
    if (d.spec.rotateFirstSeat() && !order.isEmpty()) {
      Collections.rotate(order, -((d.round - 1) % order.size()));
    }
    openFrom(d, order, 0);
  }

  /**
   * Ends the open turn with {@code trigger} and opens the next one; false if the round has no turn
   * left (the caller closes it).
   */
  static boolean advance(Draft d, String trigger) {
    GameState.Turn ended = d.turn;
    ObjectNode data = Draft.data().put("turn", ended.number()).put("trigger", trigger);
    d.emit(EventType.TURN_ENDED, ended.player(), d.round, data);
    return openFrom(d, ended.order(), ended.index() + 1);
  }

  /** Opens the turn of the first active player at or after {@code from} in {@code order}. */
  private static boolean openFrom(Draft d, List<String> order, int from) {
    for (int i = from; i < order.size(); i++) {
      String player = order.get(i);
      boolean active = d.players.stream().anyMatch(p -> p.playerId().equals(player) && p.active());
      if (active) {
        d.turnCount++;
        d.turn = new GameState.Turn(d.turnCount, order, i, d.now.plus(MissRules.turnTimeout(d, player)));
        ObjectNode data = Draft.data().put("turn", d.turnCount).put("deadline", d.turn.deadline().toString());
        d.emit(EventType.TURN_OPENED, player, d.round, data);
        return true;
      }
    }
    d.turn = null;
    return false;
  }
}
