package io.clix.core;

/**
 * The game is not in a state that allows the call: joining after the start, moving before it,
 * finishing a cancelled game. {@link #status()} says where the game is.
 */
public class GameStateException extends ClixException {
  private static final long serialVersionUID = 1L;

  private final GameStatus status;

  public GameStateException(String message, String gameId, GameStatus status) {
    super(message, gameId);
    this.status = status;
  }

  /** The game's status when the call was refused. */
  public GameStatus status() {
    return status;
  }
}
