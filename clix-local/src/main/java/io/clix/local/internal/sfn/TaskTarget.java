package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.UnaryOperator;

/**
 * What a Task state's Resource names, as the history shows it: an activity, a Lambda function, or
 * a service integration ({@code resourceType} and {@code resource}, e.g. {@code dynamodb} and
 * {@code putItem}), with the call that runs it (none for activities and mocked states) and, for a
 * {@code .sync} integration, the {@link Job} that waits for what the call started.
 */
record TaskTarget(Kind kind, String arn, String resourceType, String resource, boolean waitForToken,
    UnaryOperator<JsonNode> call, Job job) {

  enum Kind { ACTIVITY, LAMBDA, SERVICE }

  static final String SUFFIX = ".waitForTaskToken";

  /** A target whose call's answer is the task's result (or, with {@code waitForToken}, is submitted). */
  TaskTarget(Kind kind, String arn, String resourceType, String resource, boolean waitForToken,
      UnaryOperator<JsonNode> call) {
    this(kind, arn, resourceType, resource, waitForToken, call, null);
  }

  /** How a waited-for job ends the task: once, from any thread, holding no execution's monitor. */
  interface Outcome {
    void succeeded(JsonNode output);

    void failed(String error, String cause);
  }

  /**
   * The wait of a {@code .sync} integration: the call's answer ({@code submitted}, recorded as
   * TaskSubmitted) names a job; {@code await} reports its end to {@code outcome} and returns what
   * stops the job if the task is abandoned first (its execution stopped, or the state timed out).
   * It runs holding the waiting execution's monitor, so it must not block.
   */
  interface Job {
    Runnable await(JsonNode submitted, Outcome outcome);

    /** Whether the history shows the call's answer as TaskSubmitted (not for a call that only looks synchronous). */
    default boolean submits() {
      return true;
    }
  }

  /** Splits a service integration ARN ({@code arn:aws:states:::type:resource}) into its two parts. */
  static String[] serviceParts(String arn) {
    String rest = arn.substring("arn:aws:states:::".length());
    int colon = rest.lastIndexOf(':');
    if (colon < 0) {
      return new String[] {rest, rest};
    }
    return new String[] {rest.substring(0, colon), rest.substring(colon + 1)};
  }
}
