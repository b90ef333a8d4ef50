package io.clix.core;

/**
 * The service behind the orchestrator could not answer for now (throttling, a 5xx, too many
 * concurrent changes to one game, or, as {@link ServiceUnreachableException}, a network failure):
 * the same call may succeed if tried again later. Clix has already retried with the client's retry
 * strategy. Nothing half-written stays visible.
 */
public class RetryableServiceException extends ClixServiceException {
  private static final long serialVersionUID = 1L;

  public RetryableServiceException(String message, String gameId, String errorCode, Throwable cause) {
    super(message, gameId, errorCode, cause);
  }
}
