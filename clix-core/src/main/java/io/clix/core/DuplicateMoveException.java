package io.clix.core;

/** The player already made a different move in this round; the same move again is accepted as a retry. */
public class DuplicateMoveException extends ClixException {
  public DuplicateMoveException(String message, String gameId) {
    super(message, gameId);
  }
}
