package io.clix.core;

/**
 * The service behind the orchestrator could not answer for now (throttling, a 5xx, a network
 * error, too many concurrent changes to one game): the same call may succeed if tried again later.
 * Clix has already retried with the client's retry strategy. Nothing half-written stays visible.
 */
public class RetryableServiceException extends ClixServiceException {
  public RetryableServiceException(String message, String gameId, String errorCode, Throwable cause) {
    super(message, gameId, errorCode, true, cause);
  }
}
