package io.clix.core;

/** No game has this id (it was never created, or its record has expired). Not retryable. */
public class GameNotFoundException extends ClixException {
  private static final long serialVersionUID = 1L;

  public GameNotFoundException(String message, String gameId) {
    super(message, gameId);
  }
}
