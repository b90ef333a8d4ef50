package io.clix.local.internal.sfn;

import io.clix.local.internal.sfn.mock.MockAnswer;
import io.clix.local.internal.sfn.mock.MockConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The mocked service integrations of one execution: the test case its StartExecution selected
 * ({@code <state machine ARN>#<test case>}) and how many times each mocked state has been invoked,
 * counted across the whole execution (retries, loops and Map iterations included), as Step
 * Functions Local counts them. Guarded by the execution's monitor.
 */
final class TaskMocks {

  private final MockConfig.TestCase testCase;
  private final Map<String, Integer> invocations = new HashMap<>();

  TaskMocks(MockConfig.TestCase testCase) {
    this.testCase = testCase;
  }

  /** Whether the Task state {@code state} is mocked. */
  boolean mocks(String state) {
    return testCase.mocks(state);
  }

  /** The answer to the next invocation of {@code state}, counting it. */
  MockAnswer next(String state) {
    int invocation = invocations.merge(state, 1, Integer::sum) - 1;
    return testCase.answer(state, invocation);
  }
}
