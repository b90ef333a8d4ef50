package io.clix.core;

/**
 * The service behind the orchestrator failed (throttling, a 5xx, a network error, an unexpected
 * answer). {@link #isRetryable()} says whether the same call may succeed later; Clix has already
 * retried with the client's retry strategy. Nothing half-written stays visible.
 */
public class ClixServiceException extends ClixException {
  private final String errorCode;

  public ClixServiceException(String message, String gameId, String errorCode, boolean retryable, Throwable cause) {
    super(message, gameId, retryable, cause);
    this.errorCode = errorCode;
  }

  /** The service's error code (for example {@code ThrottlingException}), or {@code null} for a network error. */
  public String errorCode() {
    return errorCode;
  }
}
