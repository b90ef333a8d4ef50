package io.clix.core;

/** What a {@link GameEvent} reports. */
public enum EventType {
  /** The game was created; data: the spec. */
  GAME_CREATED,
  /** A player took a seat; data: {@code {"seat": n, "data": ...}}. */
  PLAYER_JOINED,
  /** A player left (freeing the seat in the lobby, or going inactive after the start); data: {@code {"seat": n}}. */
  PLAYER_LEFT,
  /**
   * A player was forfeited under the spec's {@link MissPolicy}: after {@link MissPolicy#forfeitAfter()} consecutive
   * misses, when the round of the last one closed; the player is inactive from then on, as after a leave. Data:
   * {@code {"seat": n, "misses": n}}.
   */
  PLAYER_FORFEITED,
  /** The game started; data: {@code {"players": [...], "trigger": "full"|"startNow"|"lobbyTimeout"}}. */
  GAME_STARTED,
  /**
   * A round opened; data: {@code {"deadline": "..."}} ({@code {}} in a {@link PlayMode#TURNS} game, whose rounds
   * have no deadline of their own: each turn has).
   */
  ROUND_OPENED,
  /**
   * A turn opened in a {@link PlayMode#TURNS} game: {@link GameEvent#playerId()} is the player whose turn it is;
   * data: {@code {"turn": n, "deadline": "..."}} ({@code turn} counts the game's turns from 1).
   */
  TURN_OPENED,
  /**
   * A turn ended in a {@link PlayMode#TURNS} game; {@link GameEvent#playerId()} is its player; data: {@code
   * {"turn": n, "trigger": "moved"|"missed"|"left"}} ("missed": its deadline passed; "left": the player left).
   */
  TURN_ENDED,
  /**
   * A player's move was accepted (the move itself is revealed when the round closes); data {@code {}}, or {@code
   * {"default": true}} for the {@link MissPolicy#defaultMove()} played for a player who missed; with a {@link
   * GameLogic}, also {@code "board"}: the board after the move.
   */
  MOVE_ACCEPTED,
  /**
   * A round closed; data: {@code {"moves": {player: move}, "missing": [players], "trigger":
   * "allMoved"|"deadline"|"turnsEnded"}} ({@code turnsEnded}: the last turn of a {@link PlayMode#TURNS} round
   * ended without every active player having moved); with a {@link GameLogic}, also {@code "board"}: the board
   * after {@link GameLogic#closeRound}.
   */
  ROUND_CLOSED,
  /** The game finished; data: {@code {"result": ..., "trigger": "backend"|"lastRound"|"tooFewPlayers"}}. */
  GAME_FINISHED,
  /** The game was cancelled; data: {@code {"reason": "..."}}. */
  GAME_CANCELLED,
  /**
   * A game that had finished without a result was given one by {@code finish(result)} (at most once,
   * after {@link #GAME_FINISHED}); data: {@code {"result": ..., "trigger": "backend"}}.
   */
  RESULT_RECORDED
}
