package io.clix.aws.internal.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.aws.internal.definition.ExecutionInput;
import io.clix.core.ClixServiceException;
import io.clix.core.GameSpec;
import io.clix.core.internal.GameTimers;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/**
 * Starts a game's execution: a Standard execution named by the game id, with an input that depends
 * only on the spec, so a retried start is idempotent (Step Functions returns the running
 * execution for the same name and input).
 */
public final class Executions {

  /** How a start ended. */
  public enum Started {
    /** Started now, or already running with the same input. */
    RUNNING,
    /** An execution with this name exists and is closed (or has another input). */
    NAME_TAKEN,
    /** The service refused the start for good (a client error that is not throttling): nothing started. */
    REFUSED
  }

  private final AwsCalls calls;
  private final String stateMachineArn;

  public Executions(AwsCalls calls, String stateMachineArn) {
    this.calls = calls;
    this.stateMachineArn = stateMachineArn;
  }

  /**
   * The execution input (see {@link ExecutionInput}): the game id and the timeouts in whole seconds;
   * the lobby re-reads its game once per {@link GameTimers#firstDeadline} (a turn timeout in a TURNS game).
   */
  public static ObjectNode input(String gameId, GameSpec spec) {
    return ExecutionInput.of(gameId, spec.lobbyTimeout(), GameTimers.firstDeadline(spec));
  }

  public CompletableFuture<Started> start(String gameId, GameSpec spec) {
    StartExecutionRequest request = StartExecutionRequest.builder()
        .stateMachineArn(stateMachineArn)
        .name(gameId)
        .input(ItemCodec.json(input(gameId, spec)))
        .build();
    return calls.startExecution(gameId, request).handle((r, e) -> {
      if (e == null) {
        return Started.RUNNING;
      }
      if (AwsErrors.is(e, "ExecutionAlreadyExists")) {
        return Started.NAME_TAKEN;
      }
      if (isDefiniteRefusal(e)) {
        throw new RefusedStart(AwsErrors.rethrow(e));
      }
      throw AwsErrors.rethrow(e);
    });
  }

  /** A service error no retry cures (a 4xx that is not throttling): the execution certainly did not start. */
  private static boolean isDefiniteRefusal(Throwable t) {
    Throwable e = AwsErrors.unwrap(t);
    return e instanceof ClixServiceException && !((ClixServiceException) e).isRetryable();
  }

  /** Carries the mapped error of a start the service refused for good. */
  public static final class RefusedStart extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RuntimeException error;

    RefusedStart(RuntimeException error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }

    /** The Clix error to report once the game's records are removed. */
    public RuntimeException error() {
      return error;
    }
  }
}
