package io.clix.core;

/** Every seat of the lobby is taken. The player may retry if someone leaves. */
public class GameFullException extends ClixException {
  public GameFullException(String message, String gameId) {
    super(message, gameId);
  }
}
