package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Java function bound to a Task state's resource: the engine's side of the public {@code TaskHandler}, which
 * {@code LocalStack} adapts to it. It is called with the state's effective input on the worker pool and returns the
 * task's result. Throwing {@link io.clix.local.internal.sfn.asl.StatesError} fails the task with that error name and
 * cause; any other runtime exception fails it with the exception's simple class name and its message.
 */
@FunctionalInterface
public interface ResourceHandler {

  /** Runs the task and returns its result. */
  JsonNode handle(JsonNode input);
}
