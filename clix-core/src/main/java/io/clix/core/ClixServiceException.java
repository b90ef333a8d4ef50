package io.clix.core;

/**
 * The service behind the orchestrator failed (an unexpected answer, a missing table, a refused
 * permission). The type says whether retrying can help: a {@link RetryableServiceException} may
 * succeed later (throttling, 5xx, network), a plain {@code ClixServiceException} will not until
 * something is fixed. {@link #isRetryable()} says the same. Nothing half-written stays visible.
 */
public class ClixServiceException extends ClixException {
  private final String errorCode;

  public ClixServiceException(String message, String gameId, String errorCode, boolean retryable, Throwable cause) {
    super(message, gameId, retryable, cause);
    this.errorCode = errorCode;
  }

  /** A {@link RetryableServiceException} when {@code retryable}, otherwise a plain one. */
  public static ClixServiceException of(String message, String gameId, String errorCode, boolean retryable,
      Throwable cause) {
    return retryable ? new RetryableServiceException(message, gameId, errorCode, cause)
        : new ClixServiceException(message, gameId, errorCode, false, cause);
  }

  /** The service's error code (for example {@code ThrottlingException}), or {@code null} for a network error. */
  public String errorCode() {
    return errorCode;
  }
}
