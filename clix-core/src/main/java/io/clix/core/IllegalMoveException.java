package io.clix.core;

/**
 * The game's {@link GameLogic} refused a move; {@link #reason()} says why, in the logic's words.
 * Nothing was written: the player may send another move for the same round or turn.
 */
public class IllegalMoveException extends ClixException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  /** A refusal for {@link GameLogic#move} to throw; Clix adds the game. */
  public IllegalMoveException(String reason) {
    this(null, reason);
  }

  public IllegalMoveException(String gameId, String reason) {
    super("illegal move" + (gameId == null ? "" : " in game " + gameId) + ": " + reason, gameId);
    this.reason = reason;
  }

  /** Why the move was refused. */
  public String reason() {
    return reason;
  }
}
