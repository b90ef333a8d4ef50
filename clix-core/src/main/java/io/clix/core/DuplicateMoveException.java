package io.clix.core;

/** The player already made a different move in this round; the same move again is accepted as a retry. */
public class DuplicateMoveException extends ClixException {
  private static final long serialVersionUID = 1L;

  public DuplicateMoveException(String message, String gameId) {
    super(message, gameId);
  }
}
