package io.clix.aws.internal.provision;

import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Creates (or finds) the three shared activities {@code <prefix>-lobby}, {@code <prefix>-round}
 * and {@code <prefix>-timers}. CreateActivity is idempotent by name in Step Functions, so calling it
 * again returns the existing activity's ARN.
 */
public final class ActivityProvisioner {

  private final SfnClient sfn;

  public ActivityProvisioner(SfnClient sfn) {
    this.sfn = sfn;
  }

  /** The activity names for a prefix, in the order lobby, round, timers. */
  public static ActivityNames names(String prefix) {
    return new ActivityNames(prefix + "-lobby", prefix + "-round", prefix + "-timers");
  }

  /** Ensures the three activities exist and returns their ARNs. */
  public ActivityNames ensure(String prefix) {
    ActivityNames names = names(prefix);
    return new ActivityNames(create(names.lobby()), create(names.round()), create(names.timers()));
  }

  private String create(String name) {
    return sfn.createActivity(r -> r.name(name)).activityArn();
  }
}
