package io.clix.local.internal.sfn;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the stack keeps executions that have ended: at most {@code maxEnded} of them, none
 * longer than {@code age} after its end on the stack's clock; the oldest ended go first. Running
 * executions are always kept.
 */
public record ExecutionRetention(int maxEnded, Duration age) {

  /** The default: 25,000 ended executions, each for at most 90 days (AWS keeps them 90 days). */
  public static final ExecutionRetention DEFAULT = new ExecutionRetention(25_000, Duration.ofDays(90));

  public ExecutionRetention {
    if (maxEnded < 0) {
      throw new IllegalArgumentException("maxEnded must be >= 0: " + maxEnded);
    }
    Objects.requireNonNull(age, "age");
    if (age.isNegative()) {
      throw new IllegalArgumentException("age must not be negative: " + age);
    }
  }
}
