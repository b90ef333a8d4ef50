package io.clix.core;

import java.util.List;

/** A {@link GameSpec} breaks one or more rules; {@link #violations()} lists every one of them. */
public class InvalidGameSpecException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  public InvalidGameSpecException(String gameId, List<Violation> violations) {
    super(gameId, violations);
  }
}
