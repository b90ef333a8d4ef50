package io.clix.core.internal;

/**
 * What {@link GameFront} tells an observer about each public call: its start (method name and game
 * id, never a task token) and its end with the error it failed with, if any. Metrics and tracing
 * hook in here, once, for every orchestrator; {@link #NONE} observes nothing.
 */
public interface FrontHook {

  /** The hook that observes nothing. */
  FrontHook NONE = (method, gameId) -> Call.NONE;

  /**
   * A public call starts on the caller's thread.
   *
   * @param method the {@code GameOrchestrator} method, e.g. {@code join} or {@code joinAsync}
   * @param gameId the game id as given (may be null or malformed: the call has not checked it yet)
   */
  Call begin(String method, String gameId);

  /** One observed call. */
  interface Call {

    /** The call that observes nothing. */
    Call NONE = new Call() {
      @Override
      public void end(Throwable error) {}
    };

    /**
     * The call's part on the caller's thread starts (argument checks, and a sync engine's whole
     * work); the scope closes when it returns, so a tracer can make the call's span current there.
     */
    default Scope enter() {
      return Scope.NONE;
    }

    /** The call completed: {@code error} is null on success, else what its future failed with. */
    void end(Throwable error);
  }

  /** The part of a call on the caller's thread; closing it never throws. */
  interface Scope extends AutoCloseable {

    /** The scope that does nothing. */
    Scope NONE = () -> { };

    @Override
    void close();
  }
}
