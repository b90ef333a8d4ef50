package io.clix.core;

/**
 * The service behind the orchestrator failed (an unexpected answer, a missing table, a refused
 * permission). The type says whether retrying can help: a {@link RetryableServiceException} may
 * succeed later (throttling, 5xx, too many concurrent changes), and its subtype {@link
 * ServiceUnreachableException} says the service was not reached at all (connection refused or
 * reset, a timeout); a plain {@code ClixServiceException} will not succeed until something is
 * fixed. {@link #isRetryable()} follows the type. Nothing half-written stays visible.
 */
public class ClixServiceException extends ClixException {
  private static final long serialVersionUID = 1L;

  private final String errorCode;

  /** A service error no retry will cure; {@code errorCode} is the service's code, if it gave one. */
  public ClixServiceException(String message, String gameId, String errorCode, Throwable cause) {
    super(message, gameId, false, cause);
    this.errorCode = errorCode;
  }

  /** The service's error code (for example {@code ThrottlingException}), or {@code null} for a network error. */
  public String errorCode() {
    return errorCode;
  }

  /** False here; true for every {@link RetryableServiceException}. */
  @Override
  public boolean isRetryable() {
    return this instanceof RetryableServiceException;
  }
}
