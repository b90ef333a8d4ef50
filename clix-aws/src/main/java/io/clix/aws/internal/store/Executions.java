package io.clix.aws.internal.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.core.GameSpec;
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
    NAME_TAKEN
  }

  private final AwsCalls calls;
  private final String stateMachineArn;

  public Executions(AwsCalls calls, String stateMachineArn) {
    this.calls = calls;
    this.stateMachineArn = stateMachineArn;
  }

  /** The execution input: the game id and the timeouts in whole seconds. */
  public static ObjectNode input(String gameId, GameSpec spec) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("gameId", gameId);
    input.put("lobbyTimeoutSeconds", spec.lobbyTimeout().getSeconds());
    input.put("roundTimeoutSeconds", spec.roundTimeout().getSeconds());
    return input;
  }

  public CompletableFuture<Started> start(String gameId, GameSpec spec) {
    StartExecutionRequest request = StartExecutionRequest.builder()
        .stateMachineArn(stateMachineArn)
        .name(gameId)
        .input(ItemCodec.json(input(gameId, spec)))
        .build();
    return calls.startExecution(request).handle((r, e) -> {
      if (e == null) {
        return Started.RUNNING;
      }
      if (AwsErrors.is(e, "ExecutionAlreadyExists")) {
        return Started.NAME_TAKEN;
      }
      throw AwsErrors.map(e, "starting the game's execution (Step Functions StartExecution)", gameId, false);
    });
  }
}
