package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * TestState's {@code stateConfiguration}: how many retries of the matching retrier already happened
 * ({@code retrierRetryCount}), how many iterations of a mocked Map state failed ({@code
 * mapIterationFailureCount}), as the TestState API documents them. Absent fields are zero.
 */
record TestStateConfiguration(int retrierRetryCount, int mapIterationFailureCount) {

  static final TestStateConfiguration NONE = new TestStateConfiguration(0, 0);

  static final String THRESHOLD_ERROR = "States.ExceedToleratedFailureThreshold";
  static final String THRESHOLD_CAUSE = "The specified tolerated failure threshold was exceeded";

  /** The request's {@code stateConfiguration}, checked as the service model constrains it. */
  static TestStateConfiguration of(JsonNode request) {
    JsonNode config = request.path("stateConfiguration");
    if (!config.isObject()) {
      return NONE;
    }
    return new TestStateConfiguration(count(config, "retrierRetryCount"), count(config, "mapIterationFailureCount"));
  }

  private static int count(JsonNode config, String field) {
    JsonNode value = config.get(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    if (!value.canConvertToInt() || value.asInt() < 0) {
      throw SfnErrors.validation("1 validation error detected: Value '" + value.asText() + "' at 'stateConfiguration."
          + field + "' failed to satisfy constraint: Member must have value greater than or equal to 0");
    }
    return value.asInt();
  }

  /**
   * Whether the mocked Map result, with {@link #mapIterationFailureCount} of its iterations failed,
   * exceeds the tolerance the state set ({@code toleratedFailureCount} / {@code
   * toleratedFailurePercentage} as the inspection data holds them; a state that sets neither is not
   * judged here).
   *
   * @throws io.clix.local.internal.http.ServiceError if more iterations failed than ran
   */
  boolean exceedsTolerance(JsonNode mockedResult, ObjectNode inspection) {
    int iterations = mockedResult.isArray() ? mockedResult.size() : 0;
    if (mapIterationFailureCount > iterations) {
      throw SfnErrors.validation("Map iteration failure count must be less than or equal to the number of Map"
          + " iterations");
    }
    boolean exceeded = false;
    if (inspection.has("toleratedFailureCount")) {
      exceeded = mapIterationFailureCount > inspection.get("toleratedFailureCount").asLong();
    }
    if (inspection.has("toleratedFailurePercentage") && iterations > 0) {
      exceeded |= 100.0 * mapIterationFailureCount / iterations > inspection.get("toleratedFailurePercentage").asDouble();
    }
    return exceeded;
  }
}
