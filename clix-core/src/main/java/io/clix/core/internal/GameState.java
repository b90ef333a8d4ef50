package io.clix.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.MoveReceipt;
import io.clix.core.Player;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole state of one game as every orchestrator stores it (in memory, or as one JSON attribute
 * of the game's DynamoDB item, guarded by {@link #version()}). Immutable: {@link GameRules} returns
 * new states. Holds no task token.
 *
 * @param moves the open round's moves by player id, in arrival order
 * @param version the sequence number of the latest event
 * @param closedBy the call that closed the latest round or ended the game by leaving, so that its
 *     retry gets the first answer (one record: the game's size does not grow with it); null if none
 * @param turn the open turn of a {@link io.clix.core.PlayMode#TURNS} game; null if none (always
 *     null in a SIMULTANEOUS game, so its stored JSON does not change)
 * @param misses each player's consecutive missed moves, kept only under a {@link
 *     io.clix.core.MissPolicy} other than the default; null when there are none
 * @param board the board the orchestrator's {@link io.clix.core.GameLogic} keeps; null if none
 */
public record GameState(
    String gameId,
    GameSpec spec,
    GameStatus status,
    List<Seat> players,
    int round,
    Instant roundDeadline,
    Map<String, MoveRecord> moves,
    Instant lobbyDeadline,
    Instant createdAt,
    Instant startedAt,
    Instant endedAt,
    JsonNode result,
    String cancelReason,
    long version,
    Closer closedBy,
    Turn turn,
    Map<String, Integer> misses,
    JsonNode board) {

  public GameState {
    result = result == null || result.isNull() || result.isMissingNode() ? null : result;
    players = List.copyOf(players);
    moves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(moves));
    board = board == null || board.isNull() || board.isMissingNode() ? null : board;
    misses = misses == null || misses.isEmpty() ? null
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(misses));
  }

  /** The player's consecutive missed moves (0 if none, or if the spec's miss policy keeps no count). */
  public int missesOf(String playerId) {
    return misses == null ? 0 : misses.getOrDefault(playerId, 0);
  }

  /** A seated player. */
  public record Seat(String playerId, int seat, JsonNode data, Instant joinedAt, boolean active) {
    public Seat {
      data = data == null || data.isNull() || data.isMissingNode() ? null : data;
    }

    Player toPlayer() {
      return Player.builder().playerId(playerId).seat(seat).data(Optional.ofNullable(data))
          .joinedAt(joinedAt).active(active).build();
    }
  }

  /**
   * The open turn of a TURNS round: the round's order of players (the active ones in seat order,
   * rotated if the spec says so, fixed when the round opened), the position of the current one, and
   * its deadline.
   *
   * @param number the game's turn count, from 1: names the turn's timer
   * @param order the round's players in turn order
   * @param index the position in {@code order} of the player whose turn it is
   */
  public record Turn(int number, List<String> order, int index, Instant deadline) {
    public Turn {
      order = List.copyOf(order);
    }

    /** The player whose turn it is. */
    public String player() {
      return order.get(index);
    }
  }

  /** An accepted move of the open round. */
  public record MoveRecord(JsonNode move, Instant acceptedAt, long sequence) {}

  /**
   * The move or leave that closed a round (or, for a leave, ended the game): enough to answer its
   * retry after the round is gone. A move is kept as its {@link Fingerprints#of fingerprint}, not its
   * JSON.
   *
   * @param fingerprint the move's fingerprint; null for a leave
   * @param sequence the sequence of its {@code MOVE_ACCEPTED} or {@code PLAYER_LEFT} event
   */
  public record Closer(String playerId, int round, String fingerprint, Instant acceptedAt, long sequence) {
    boolean byMove() {
      return fingerprint != null;
    }
  }

  public Optional<Seat> seat(String playerId) {
    return players.stream().filter(s -> s.playerId().equals(playerId)).findFirst();
  }

  public long activeCount() {
    return players.stream().filter(Seat::active).count();
  }

  /** The receipt of a player's move in the open round. */
  public MoveReceipt receipt(String playerId) {
    MoveRecord m = moves.get(playerId);
    return MoveReceipt.builder().gameId(gameId).playerId(playerId).round(round).move(m.move())
        .acceptedAt(m.acceptedAt()).sequence(m.sequence()).build();
  }

  /**
   * The receipt of a move accepted before, in the open round or as the move that closed round
   * {@code round}; {@code move} is the caller's (equal to the accepted one).
   */
  public MoveReceipt receipt(String playerId, int round, JsonNode move) {
    if (round == this.round && moves.containsKey(playerId)) {
      return receipt(playerId);
    }
    Closer c = closedBy;
    if (c == null || !c.byMove() || c.round() != round || !c.playerId().equals(playerId)) {
      throw new IllegalStateException("no accepted move of " + playerId + " in round " + round);
    }
    return MoveReceipt.builder().gameId(gameId).playerId(playerId).round(round).move(move)
        .acceptedAt(c.acceptedAt()).sequence(c.sequence()).build();
  }

  /** The view game clients may see; it shares no JSON node with this state. */
  public GameView toView() {
    List<Seat> ordered = new ArrayList<>(players);
    ordered.sort(Comparator.comparingInt(Seat::seat));
    List<String> moved = new ArrayList<>();
    for (Seat s : ordered) {
      if (moves.containsKey(s.playerId())) {
        moved.add(s.playerId());
      }
    }
    return GameView.builder()
        .gameId(gameId)
        .spec(spec)
        .status(status)
        .players(ordered.stream().map(Seat::toPlayer).toList())
        .currentRound(round)
        .roundDeadline(Optional.ofNullable(roundDeadline))
        .movedPlayers(moved)
        .lobbyDeadline(Optional.ofNullable(lobbyDeadline))
        .createdAt(createdAt)
        .startedAt(Optional.ofNullable(startedAt))
        .endedAt(Optional.ofNullable(endedAt))
        .result(Optional.ofNullable(result))
        .cancelReason(Optional.ofNullable(cancelReason))
        .version(version)
        .turnPlayer(Optional.ofNullable(turn).map(Turn::player))
        .turnDeadline(Optional.ofNullable(turn).map(Turn::deadline))
        .board(Optional.ofNullable(board))
        .build();
  }
}
