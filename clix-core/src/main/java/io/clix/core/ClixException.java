package io.clix.core;

import java.util.Optional;

/**
 * The root of every error Clix throws. Subclasses name a failure a caller can act on; {@link
 * #isRetryable()} says whether the same call may succeed if tried again. Messages name the game,
 * the field and the rule, and never carry a Step Functions task token.
 */
public class ClixException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String gameId;
  private final boolean retryable;

  protected ClixException(String message, String gameId, boolean retryable, Throwable cause) {
    super(message, cause);
    this.gameId = gameId;
    this.retryable = retryable;
  }

  protected ClixException(String message, String gameId) {
    this(message, gameId, false, null);
  }

  /** The game the failed call was about, if it named one. */
  public Optional<String> gameId() {
    return Optional.ofNullable(gameId);
  }

  /** True if the same call may succeed when retried later (throttling, a service outage). */
  public boolean isRetryable() {
    return retryable;
  }
}
