package io.clix.local;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Java function standing in for a Task state's resource in the local stack, e.g. a Lambda
 * function ARN: bind it with {@link LocalStack.Builder#resource(String, TaskHandler)}. The local
 * Step Functions calls it with the state's effective input (after InputPath and Parameters) on
 * its worker pool, and the returned value is the task's result (before ResultSelector). Throw
 * {@link TaskFailure} to fail the task with an error name and cause that Retry and Catch see.
 *
 * <p>For a resource ending in {@code .waitForTaskToken} the returned value is only recorded; the
 * task waits for {@code SendTaskSuccess}/{@code SendTaskFailure} with the token the state passed
 * in its Parameters from {@code $$.Task.Token}.
 */
@FunctionalInterface
public interface TaskHandler {

  /**
   * Runs the task.
   *
   * @param input the task's input
   * @return the task's result
   * @throws TaskFailure to fail the task
   */
  JsonNode handle(JsonNode input);
}
