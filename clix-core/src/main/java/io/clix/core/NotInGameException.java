package io.clix.core;

/** The player is not seated in this game (never joined, or left the lobby). */
public class NotInGameException extends ClixException {
  private static final long serialVersionUID = 1L;

  public NotInGameException(String message, String gameId) {
    super(message, gameId);
  }
}
