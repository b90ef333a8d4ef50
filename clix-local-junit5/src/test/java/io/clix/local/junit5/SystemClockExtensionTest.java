package io.clix.local.junit5;

import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sfn.SfnClient;

/** A configured extension registered with {@code @RegisterExtension}: the stack on the system clock. */
class SystemClockExtensionTest {

  private static final String SCORE = "arn:aws:lambda:eu-west-1:123456789012:function:score";

  @RegisterExtension
  static final LocalStackExtension LOCAL = LocalStackExtension.builder().manualClock(false).region("eu-west-1")
      .stack(b -> b.resource(SCORE, input -> input.path("points"))).build();

  @Test
  void runsOnTheSystemClockWithTheConfiguredStack(Clock clock, LocalStack stack, SfnClient sfn) {
    assertThat(clock).isNotInstanceOf(ManualClock.class).isSameAs(stack.clock());
    assertThat(stack.region()).isEqualTo("eu-west-1");
    String machine = sfn.createStateMachine(b -> b.name("score").roleArn("arn:aws:iam::123456789012:role/r")
        .definition("{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Task\",\"Resource\":\"" + SCORE
            + "\",\"End\":true}}}")).stateMachineArn();
    assertThat(machine).startsWith("arn:aws:states:eu-west-1:");
    String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"points\":7}")).executionArn();
    stack.awaitIdle();
    assertThat(sfn.describeExecution(b -> b.executionArn(execution)).output()).isEqualTo("7");
  }
}
