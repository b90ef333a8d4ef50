package io.clix.aws.internal.provision;

import java.util.Objects;

/**
 * The names, or the ARNs, of a deployment's three shared activities, the provisioning code's own triple (the
 * public edge turns it into {@code io.clix.aws.ActivityArns}).
 *
 * @param lobby the lobby wait activity
 * @param round the round wait activity
 * @param timers the timer activity
 */
public record ActivityNames(String lobby, String round, String timers) {

  /** Checks that every value is given. */
  public ActivityNames {
    Objects.requireNonNull(lobby, "lobby activity");
    Objects.requireNonNull(round, "round activity");
    Objects.requireNonNull(timers, "timers activity");
  }
}
