package io.clix.core;

/** A game with this id exists with a different spec; creating it again with the same spec returns the existing game instead. */
public class GameAlreadyExistsException extends ClixException {
  public GameAlreadyExistsException(String message, String gameId) {
    super(message, gameId);
  }
}
