package io.clix.core;

/** The game cannot start early: fewer players are seated than its minimum. */
public class NotEnoughPlayersException extends ClixException {
  private static final long serialVersionUID = 1L;

  public NotEnoughPlayersException(String message, String gameId) {
    super(message, gameId);
  }
}
