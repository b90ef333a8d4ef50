package io.clix.core;

/** A game with this id exists with a different spec; creating it again with the same spec returns the existing game instead. */
public class GameAlreadyExistsException extends ClixException {
  private static final long serialVersionUID = 1L;

  public GameAlreadyExistsException(String message, String gameId) {
    super(message, gameId);
  }
}
