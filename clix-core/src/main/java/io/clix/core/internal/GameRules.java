package io.clix.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.ClixJson;
import io.clix.core.DuplicateMoveException;
import io.clix.core.EventType;
import io.clix.core.GameFullException;
import io.clix.core.GameLogic;
import io.clix.core.GameSpec;
import io.clix.core.GameStateException;
import io.clix.core.GameStatus;
import io.clix.core.InvalidGameSpecException;
import io.clix.core.InvalidRequestException.Violation;
import io.clix.core.MissPolicy;
import io.clix.core.NotEnoughPlayersException;
import io.clix.core.NotInGameException;
import io.clix.core.NotYourTurnException;
import io.clix.core.PlayMode;
import io.clix.core.RoundNotOpenException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The rules of a game as pure functions from a state, a command and the time to a {@link Step}:
 * lobby (seats, capacity, minimum, early start, timeout), rounds (one move per active player, close
 * when all moved or at the deadline; in a {@link PlayMode#TURNS} game turn by turn, see {@link
 * TurnRules}; missed moves under the spec's {@link MissPolicy}, see {@link MissRules}; moves through
 * the orchestrator's {@link GameLogic}, see {@link BoardRules}), and the ends ({@link Transitions}
 * holds the changes the rules share). {@link GameTimers} says which timer a state fires next. Every
 * orchestrator applies exactly these rules; only how it stores the state and fires the timers differs. Rules throw the typed Clix exceptions
 * and never write anything themselves. Every JSON value they keep is in {@link ClixJson#canonical}
 * form, so what one orchestrator returns, every other returns too.
 */
public final class GameRules {

  /** Why a game started: data {@code trigger} of {@link EventType#GAME_STARTED}. */
  public static final String FULL = "full";
  public static final String START_NOW = "startNow";
  public static final String LOBBY_TIMEOUT = "lobbyTimeout";
  /** The cancel reason of a lobby that timed out below its minimum. */
  public static final String LOBBY_TIMEOUT_REASON = "lobby timeout";
  /** The cancel reason when every player left a running game. */
  public static final String ALL_LEFT_REASON = "all players left";
  /** The cancel reason when a round closed with every player forfeited. */
  public static final String ALL_FORFEITED_REASON = "all players forfeited";
  /** The cancel reason of {@link MissPolicy.WhenTooFew#CANCEL}. */
  public static final String TOO_FEW_REASON = "too few players";

  private GameRules() {}

  /** A new game in the lobby: the {@link EventType#GAME_CREATED} event, sequence 1. */
  public static Step create(String gameId, GameSpec spec, Instant now) {
    spec = spec(spec).toBuilder().gameId(gameId).build();
    Draft d = new Draft(gameId, spec, now);
    d.lobbyDeadline = now.plus(spec.lobbyTimeout());
    ObjectNode data = Draft.data();
    data.set("spec", ClixJson.mapper().valueToTree(spec));
    d.emit(EventType.GAME_CREATED, null, null, data);
    return d.done();
  }

  /**
   * The spec a game keeps, from the one a caller passed: a {@link GameSpec} is checked, canonical and immutable
   * when built (its builder and its JSON reading apply the rules), so only a null spec is left to refuse.
   */
  public static GameSpec spec(GameSpec spec) {
    if (spec == null) {
      throw new InvalidGameSpecException(null, List.of(new Violation("spec", "must not be null")));
    }
    return spec;
  }

  /** Seats a player; a seated player gets the same seat (no change). Fills start the game. */
  public static Step join(GameState s, String playerId, JsonNode playerData, Instant now) {
    if (playerData != null && (playerData.isNull() || playerData.isMissingNode())) {
      playerData = null; // JSON null is no data, as the stored state has it
    }
    playerData = ClixJson.canonical(playerData);
    GameState.Seat seated = s.seat(playerId).orElse(null);
    if (seated != null && seated.active() && s.status() == GameStatus.LOBBY) {
      return new Step(s, java.util.List.of());
    }
    if (seated != null && s.status() != GameStatus.LOBBY && !s.status().isEnded() && seated.active()) {
      return new Step(s, java.util.List.of());
    }
    if (s.status() == GameStatus.RUNNING && seated == null && s.players().size() >= s.spec().capacity()) {
      // The lobby closed because it filled up: for the player who came too late, the game is full.
      throw new GameFullException("game " + s.gameId() + " is full: all " + s.spec().capacity()
          + " seats are taken", s.gameId());
    }
    if (s.status() != GameStatus.LOBBY) {
      throw new GameStateException("cannot join game " + s.gameId() + ": it is " + s.status()
          + (s.status() == GameStatus.RUNNING ? " (the lobby has closed)" : ""), s.gameId(), s.status());
    }
    if (s.players().size() >= s.spec().capacity()) {
      throw new GameFullException("game " + s.gameId() + " is full: all " + s.spec().capacity()
          + " seats are taken", s.gameId());
    }
    Draft d = new Draft(s, now);
    int seat = 1;
    java.util.Set<Integer> taken = new java.util.HashSet<>();
    for (GameState.Seat p : d.players) {
      taken.add(p.seat());
    }
    while (taken.contains(seat)) {
      seat++;
    }
    d.players.add(new GameState.Seat(playerId, seat, playerData, now, true));
    d.players.sort(Comparator.comparingInt(GameState.Seat::seat));
    ObjectNode data = Draft.data();
    data.put("seat", seat);
    if (playerData != null) {
      data.set("data", playerData);
    }
    d.emit(EventType.PLAYER_JOINED, playerId, null, data);
    if (d.players.size() == s.spec().capacity()) {
      Transitions.start(d, FULL);
    }
    return d.done();
  }

  /**
   * Frees a lobby seat, or marks a started game's player inactive (closing the round if that
   * completes it). Leaving a started game again changes nothing, also once the game has ended if
   * this player's leave ended it (its retry).
   */
  public static Step leave(GameState s, String playerId, Instant now) {
    return leave(s, playerId, now, null);
  }

  /** {@link #leave(GameState, String, Instant)} with the orchestrator's game logic (or null): a round it closes is closed by it. */
  public static Step leave(GameState s, String playerId, Instant now, GameLogic logic) {
    GameState.Seat seated = s.seat(playerId).orElse(null);
    if (seated == null) {
      throw new NotInGameException("player " + playerId + " is not seated in game " + s.gameId(), s.gameId());
    }
    if (!seated.active() && (!s.status().isEnded() || closedByLeave(s, playerId))) {
      return new Step(s, java.util.List.of());
    }
    if (s.status().isEnded()) {
      throw new GameStateException("cannot leave game " + s.gameId() + ": it is " + s.status(), s.gameId(), s.status());
    }
    Draft d = new Draft(s, now, logic);
    if (s.status() == GameStatus.LOBBY) {
      d.players.removeIf(p -> p.playerId().equals(playerId));
      d.emit(EventType.PLAYER_LEFT, playerId, null, Draft.data().put("seat", seated.seat()));
      return d.done();
    }
    d.players.replaceAll(p -> p.playerId().equals(playerId)
        ? new GameState.Seat(p.playerId(), p.seat(), p.data(), p.joinedAt(), false) : p);
    long seq = d.emit(EventType.PLAYER_LEFT, playerId, d.round, Draft.data().put("seat", seated.seat()));
    GameState.Closer closer = new GameState.Closer(playerId, d.round, null, now, seq);
    if (d.players.stream().noneMatch(GameState.Seat::active)) {
      d.closedBy = closer;
      Transitions.cancel(d, ALL_LEFT_REASON);
    } else if (MissRules.tooFew(d) != MissPolicy.WhenTooFew.CONTINUE) {
      d.closedBy = closer;
      Transitions.endTooFew(d);
    } else if (TurnRules.turns(d)) {
      if (d.turn != null && d.turn.player().equals(playerId) && !TurnRules.advance(d, TurnRules.LEFT)) {
        d.closedBy = closer;
        Transitions.closeRound(d, Transitions.roundTrigger(d));
      }
    } else if (Transitions.allMoved(d)) {
      d.closedBy = closer;
      Transitions.closeRound(d, "allMoved");
    }
    return d.done();
  }

  /** Starts a lobby early if the minimum is met; a running game is returned unchanged. */
  public static Step startNow(GameState s, Instant now) {
    if (s.status() == GameStatus.RUNNING) {
      return new Step(s, java.util.List.of());
    }
    if (s.status() != GameStatus.LOBBY) {
      throw new GameStateException("cannot start game " + s.gameId() + ": it is " + s.status(), s.gameId(), s.status());
    }
    if (s.players().size() < s.spec().minPlayers()) {
      throw new NotEnoughPlayersException("game " + s.gameId() + " needs " + s.spec().minPlayers()
          + " players to start, has " + s.players().size(), s.gameId());
    }
    Draft d = new Draft(s, now);
    Transitions.start(d, START_NOW);
    return d.done();
  }

  /** The lobby timer fired: start if the minimum is met, otherwise cancel with "lobby timeout". */
  public static Step lobbyTimeout(GameState s, Instant now) {
    if (s.status() != GameStatus.LOBBY) {
      return new Step(s, java.util.List.of());
    }
    Draft d = new Draft(s, now);
    if (s.players().size() >= s.spec().minPlayers()) {
      Transitions.start(d, LOBBY_TIMEOUT);
    } else {
      Transitions.cancel(d, LOBBY_TIMEOUT_REASON);
    }
    return d.done();
  }

  /**
   * Records a move in the open round; the same move again changes nothing, in the open round and,
   * for the move that closed the round (and maybe finished the game), after it closed.
   */
  public static Step move(GameState s, String playerId, int round, JsonNode move, Instant now) {
    return move(s, playerId, round, move, now, null);
  }

  /**
   * {@link #move(GameState, String, int, JsonNode, Instant)} through the orchestrator's game logic (or null):
   * the logic checks the move last, after every rule of the game, and a refusal changes nothing.
   *
   * @throws io.clix.core.IllegalMoveException if the logic refuses the move
   */
  public static Step move(GameState s, String playerId, int round, JsonNode move, Instant now, GameLogic logic) {
    move = ClixJson.canonical(move);
    GameState.Closer closer = s.closedBy();
    if (closer != null && closer.byMove() && closer.round() == round && closer.playerId().equals(playerId)
        && round != s.round() && closer.fingerprint().equals(Fingerprints.of(move))) {
      return new Step(s, java.util.List.of());
    }
    if (s.status() != GameStatus.RUNNING) {
      throw new GameStateException("cannot move in game " + s.gameId() + ": it is " + s.status(), s.gameId(), s.status());
    }
    GameState.Seat seated = s.seat(playerId).orElse(null);
    if (seated == null) {
      throw new NotInGameException("player " + playerId + " is not seated in game " + s.gameId(), s.gameId());
    }
    if (!seated.active()) {
      throw new NotInGameException("player " + playerId + " has left game " + s.gameId(), s.gameId());
    }
    if (round != s.round()) {
      throw new RoundNotOpenException(s.gameId(), round, s.round());
    }
    GameState.MoveRecord previous = s.moves().get(playerId);
    if (previous != null && s.turn() != null && s.missesOf(playerId) > 0) {
      // a default move stands for the turn this player missed
      throw new NotYourTurnException(s.gameId(), playerId, round, s.turn().player());
    }
    if (previous != null) {
      if (previous.move().equals(move)) {
        return new Step(s, java.util.List.of());
      }
      throw new DuplicateMoveException("player " + playerId + " already moved in round " + round
          + " of game " + s.gameId() + " with a different move", s.gameId());
    }
    if (s.turn() != null && !s.turn().player().equals(playerId)) {
      throw new NotYourTurnException(s.gameId(), playerId, round, s.turn().player());
    }
    JsonNode board = BoardRules.afterMove(s, logic, playerId, move);
    Draft d = new Draft(s, now, logic);
    ObjectNode accepted = Draft.data();
    if (board != null) {
      d.board = board;
      accepted.set("board", board.deepCopy());
    }
    long seq = d.emit(EventType.MOVE_ACCEPTED, playerId, round, accepted);
    d.moves.put(playerId, new GameState.MoveRecord(move, now, seq));
    MissRules.moved(d, playerId);
    if (TurnRules.turns(d)) {
      if (!TurnRules.advance(d, TurnRules.MOVED)) {
        d.closedBy = new GameState.Closer(playerId, round, Fingerprints.of(move), now, seq);
        Transitions.closeRound(d, Transitions.roundTrigger(d));
      }
    } else if (Transitions.allMoved(d)) {
      d.closedBy = new GameState.Closer(playerId, round, Fingerprints.of(move), now, seq);
      Transitions.closeRound(d, "allMoved");
    }
    return d.done();
  }

  /** The deadline of {@code round} passed: close it with the missing moves, if it is still open. */
  public static Step roundDeadline(GameState s, int round, Instant now) {
    return roundDeadline(s, round, now, null);
  }

  /** {@link #roundDeadline(GameState, int, Instant)} with the orchestrator's game logic (or null). */
  public static Step roundDeadline(GameState s, int round, Instant now, GameLogic logic) {
    if (s.status() != GameStatus.RUNNING || s.round() != round) {
      return new Step(s, java.util.List.of());
    }
    Draft d = new Draft(s, now, logic);
    d.players.stream().filter(GameState.Seat::active).sorted(Comparator.comparingInt(GameState.Seat::seat))
        .map(GameState.Seat::playerId).filter(p -> !d.moves.containsKey(p)).toList()
        .forEach(p -> MissRules.missed(d, p));
    Transitions.closeRound(d, "deadline");
    return d.done();
  }

  /**
   * The deadline of turn {@code turn} (the game's turn count) passed: end it as missed and open the
   * next turn, or close the round after its last, if that turn is still open.
   */
  public static Step turnDeadline(GameState s, int turn, Instant now) {
    return turnDeadline(s, turn, now, null);
  }

  /** {@link #turnDeadline(GameState, int, Instant)} with the orchestrator's game logic (or null). */
  public static Step turnDeadline(GameState s, int turn, Instant now, GameLogic logic) {
    if (s.status() != GameStatus.RUNNING || s.turn() == null || s.turn().number() != turn) {
      return new Step(s, java.util.List.of());
    }
    Draft d = new Draft(s, now, logic);
    MissRules.missed(d, s.turn().player());
    if (!TurnRules.advance(d, TurnRules.MISSED)) {
      Transitions.closeRound(d, Transitions.roundTrigger(d));
    }
    return d.done();
  }

  /**
   * Finishes a running game; a game finished with the same result is returned unchanged. A game
   * that finished without a result (by its last round, or {@code finish(null)}) takes one result,
   * once: {@link EventType#RESULT_RECORDED}.
   */
  public static Step finish(GameState s, JsonNode result, Instant now) {
    if (result != null && (result.isNull() || result.isMissingNode())) {
      result = null; // JSON null is no result, as the stored state has it
    }
    result = ClixJson.canonical(result);
    if (s.status() == GameStatus.FINISHED && Objects.equals(s.result(), result)) {
      return new Step(s, java.util.List.of());
    }
    if (s.status() == GameStatus.FINISHED && s.result() == null) {
      Draft d = new Draft(s, now);
      d.result = result;
      ObjectNode data = Draft.data();
      data.set("result", result);
      data.put("trigger", "backend");
      d.emit(EventType.RESULT_RECORDED, null, null, data);
      return d.done();
    }
    if (s.status() != GameStatus.RUNNING) {
      throw new GameStateException("cannot finish game " + s.gameId() + ": it is " + s.status()
          + (s.status() == GameStatus.FINISHED ? " with another result" : ""), s.gameId(), s.status());
    }
    Draft d = new Draft(s, now);
    Transitions.finish(d, result, "backend");
    return d.done();
  }

  /** Cancels a game in the lobby or running; a cancelled game is returned unchanged. */
  public static Step cancel(GameState s, String reason, Instant now) {
    if (s.status() == GameStatus.CANCELLED) {
      return new Step(s, java.util.List.of());
    }
    if (s.status() == GameStatus.FINISHED) {
      throw new GameStateException("cannot cancel game " + s.gameId() + ": it is FINISHED", s.gameId(), s.status());
    }
    Draft d = new Draft(s, now);
    Transitions.cancel(d, reason);
    return d.done();
  }

  private static boolean closedByLeave(GameState s, String playerId) {
    GameState.Closer closer = s.closedBy();
    return closer != null && !closer.byMove() && closer.playerId().equals(playerId);
  }
}
