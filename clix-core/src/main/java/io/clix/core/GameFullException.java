package io.clix.core;

/** Every seat of the lobby is taken. The player may retry if someone leaves. */
public class GameFullException extends ClixException {
  private static final long serialVersionUID = 1L;

  public GameFullException(String message, String gameId) {
    super(message, gameId);
  }
}
