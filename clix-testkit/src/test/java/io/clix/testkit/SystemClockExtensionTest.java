package io.clix.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;

/** A configured extension registered with {@code @RegisterExtension}: the stack on the system clock. */
class SystemClockExtensionTest {

  @RegisterExtension
  static final LocalStackExtension LOCAL = LocalStackExtension.builder().manualClock(false).build();

  @Test
  void runsOnTheSystemClock(Clock clock, LocalStack stack, SfnClient sfn) {
    assertThat(clock).isNotInstanceOf(ManualClock.class).isSameAs(stack.clock());
    assertThat(sfn.listStateMachines(b -> { }).stateMachines()).isEmpty();
  }
}
