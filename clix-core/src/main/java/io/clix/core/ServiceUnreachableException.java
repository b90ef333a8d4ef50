package io.clix.core;

/**
 * The service was not reached, or did not answer: the connection was refused or reset, or the call
 * timed out (the SDK's {@code SdkClientException}). No error code; retryable. A write may or may
 * not have happened; retrying the same call is safe, since every mutating call is idempotent.
 */
public class ServiceUnreachableException extends RetryableServiceException {
  private static final long serialVersionUID = 1L;

  public ServiceUnreachableException(String message, String gameId, Throwable cause) {
    super(message, gameId, null, cause);
  }
}
