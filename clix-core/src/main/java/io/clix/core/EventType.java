package io.clix.core;

/** What a {@link GameEvent} reports. */
public enum EventType {
  /** The game was created; data: the spec. */
  GAME_CREATED,
  /** A player took a seat; data: {@code {"seat": n, "data": ...}}. */
  PLAYER_JOINED,
  /** A player left (freeing the seat in the lobby, or going inactive after the start); data: {@code {"seat": n}}. */
  PLAYER_LEFT,
  /** The game started; data: {@code {"players": [...], "trigger": "full"|"startNow"|"lobbyTimeout"}}. */
  GAME_STARTED,
  /** A round opened; data: {@code {"deadline": "..."}}. */
  ROUND_OPENED,
  /** A player's move was accepted (the move itself is revealed when the round closes). */
  MOVE_ACCEPTED,
  /** A round closed; data: {@code {"moves": {player: move}, "missing": [players], "trigger": "allMoved"|"deadline"|...}}. */
  ROUND_CLOSED,
  /** The game finished; data: {@code {"result": ..., "trigger": "backend"|"lastRound"}}. */
  GAME_FINISHED,
  /** The game was cancelled; data: {@code {"reason": "..."}}. */
  GAME_CANCELLED,
  /**
   * A game that had finished without a result was given one by {@code finish(result)} (at most once,
   * after {@link #GAME_FINISHED}); data: {@code {"result": ..., "trigger": "backend"}}.
   */
  RESULT_RECORDED
}
