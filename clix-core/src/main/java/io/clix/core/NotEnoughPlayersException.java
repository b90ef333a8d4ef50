package io.clix.core;

/** The game cannot start early: fewer players are seated than its minimum. */
public class NotEnoughPlayersException extends ClixException {
  public NotEnoughPlayersException(String message, String gameId) {
    super(message, gameId);
  }
}
