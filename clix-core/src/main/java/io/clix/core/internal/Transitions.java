package io.clix.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.EventType;
import io.clix.core.GameStatus;
import io.clix.core.MissPolicy;
import java.util.Comparator;

/**
 * The state changes several {@link GameRules} share: start the game, open and close a round (its
 * turns through {@link TurnRules}, its misses through {@link MissRules}, its board through {@link
 * BoardRules}), and end the game (finished, cancelled, or as the miss policy says when too few
 * players remain). Each edits a {@link Draft} and appends its events.
 */
final class Transitions {

  private Transitions() {}

  static boolean allMoved(Draft d) {
    return d.players.stream().filter(GameState.Seat::active).allMatch(p -> d.moves.containsKey(p.playerId()));
  }

  static void start(Draft d, String trigger) {
    d.status = GameStatus.RUNNING;
    d.startedAt = d.now;
    d.lobbyDeadline = null;
    ObjectNode data = Draft.data();
    ArrayNode players = data.putArray("players");
    d.players.forEach(p -> players.add(p.playerId()));
    data.put("trigger", trigger);
    d.emit(EventType.GAME_STARTED, null, null, data);
    openRound(d, 1);
  }

  /** Why a TURNS round closed after its last turn. */
  static String roundTrigger(Draft d) {
    boolean everyoneMoved = d.players.stream().filter(GameState.Seat::active)
        .noneMatch(p -> MissRules.missedThisRound(d, p.playerId()));
    return everyoneMoved ? "allMoved" : "turnsEnded";
  }

  static void openRound(Draft d, int round) {
    d.round = round;
    d.moves.clear();
    if (TurnRules.turns(d)) {
      d.roundDeadline = null;
      d.emit(EventType.ROUND_OPENED, null, round, Draft.data());
      TurnRules.openRound(d);
      return;
    }
    d.roundDeadline = d.now.plus(d.spec.roundTimeout());
    d.emit(EventType.ROUND_OPENED, null, round, Draft.data().put("deadline", d.roundDeadline.toString()));
  }

  static void closeRound(Draft d, String trigger) {
    ObjectNode data = Draft.data();
    ObjectNode moves = data.putObject("moves");
    ArrayNode missing = data.putArray("missing");
    d.players.stream().sorted(Comparator.comparingInt(GameState.Seat::seat)).forEach(p -> {
      GameState.MoveRecord m = d.moves.get(p.playerId());
      if (m != null) {
        moves.set(p.playerId(), m.move());
      }
      if (p.active() && MissRules.missedThisRound(d, p.playerId())) {
        missing.add(p.playerId());
      }
    });
    data.put("trigger", trigger);
    int closed = d.round;
    BoardRules.closeRound(d, closed);
    if (d.board != null) {
      data.set("board", d.board.deepCopy());
    }
    d.emit(EventType.ROUND_CLOSED, null, closed, data);
    d.moves.clear();
    d.roundDeadline = null;
    d.turn = null;
    MissRules.forfeit(d);
    if (closed >= d.spec.rounds()) {
      finish(d, null, "lastRound");
    } else if (d.players.stream().noneMatch(GameState.Seat::active)) {
      cancel(d, GameRules.ALL_FORFEITED_REASON);
    } else if (MissRules.tooFew(d) != MissPolicy.WhenTooFew.CONTINUE) {
      endTooFew(d);
    } else {
      openRound(d, closed + 1);
    }
  }

  /** Ends a game with fewer than its minimum of active players as its miss policy says. */
  static void endTooFew(Draft d) {
    if (MissRules.tooFew(d) == MissPolicy.WhenTooFew.CANCEL) {
      cancel(d, GameRules.TOO_FEW_REASON);
    } else {
      finish(d, null, "tooFewPlayers");
    }
  }

  static void finish(Draft d, JsonNode result, String trigger) {
    end(d, GameStatus.FINISHED);
    d.result = result;
    ObjectNode data = Draft.data();
    data.set("result", result);
    data.put("trigger", trigger);
    d.emit(EventType.GAME_FINISHED, null, null, data);
  }

  static void cancel(Draft d, String reason) {
    end(d, GameStatus.CANCELLED);
    d.cancelReason = reason;
    d.lobbyDeadline = null;
    d.emit(EventType.GAME_CANCELLED, null, null, Draft.data().put("reason", reason));
  }

  /** What every end clears: no round, no deadline, no turn, no open moves, no miss counts. */
  private static void end(Draft d, GameStatus status) {
    d.status = status;
    d.endedAt = d.now;
    d.round = 0;
    d.roundDeadline = null;
    d.turn = null;
    d.moves.clear();
    d.misses.clear();
  }
}
