package io.clix.aws;

import java.util.Objects;

/**
 * The ARNs of a deployment's three shared Step Functions activities: {@code lobby} and
 * {@code round} (the waits in {@link Correlation#ACTIVITIES} mode) and {@code timers} (fired
 * lobby and round timers, polled in both modes). {@link ClixProvisioner} creates them as
 * {@code <prefix>-lobby}, {@code <prefix>-round} and {@code <prefix>-timers}.
 *
 * @param lobby the activity whose tasks are lobby waits
 * @param round the activity whose tasks are round waits
 * @param timers the activity whose tasks announce a fired lobby or round timer
 */
public record ActivityArns(String lobby, String round, String timers) {

  /** Checks that every ARN is given. */
  public ActivityArns {
    Objects.requireNonNull(lobby, "lobby activity ARN");
    Objects.requireNonNull(round, "round activity ARN");
    Objects.requireNonNull(timers, "timers activity ARN");
  }
}
