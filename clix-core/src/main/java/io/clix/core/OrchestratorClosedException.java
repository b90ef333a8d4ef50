package io.clix.core;

/**
 * The orchestrator was closed: every call on it after {@link GameOrchestrator#close()} is refused
 * with this, before anything is written. Not retryable on the same instance; open a new one.
 */
public class OrchestratorClosedException extends ClixException {
  private static final long serialVersionUID = 1L;

  public OrchestratorClosedException(String message, String gameId) {
    super(message, gameId);
  }
}
