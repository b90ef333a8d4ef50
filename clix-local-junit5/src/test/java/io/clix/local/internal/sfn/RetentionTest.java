package io.clix.local.internal.sfn;

import static io.clix.local.internal.sfn.SfnFixture.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Ended executions are kept up to a count and an age on the stack's clock; running ones always. */
class RetentionTest {

  private static final String PASS = q("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
  private static final String WAIT = q("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':3600,'End':true}}}");

  @Test
  void theOldestEndedExecutionsGoBeyondTheCount() {
    try (LocalStack stack = LocalStack.builder().clock(ManualClock.create()).retainedExecutions(2).start();
        SfnClient sfn = SfnFixture.client(stack)) {
      String waiting = SfnFixture.start(sfn, SfnFixture.machine(sfn, "Waits", WAIT), "{}");
      String machine = SfnFixture.machine(sfn, "Passes", PASS);
      String first = SfnFixture.start(sfn, machine, "{}");
      stack.awaitIdle();
      String second = SfnFixture.start(sfn, machine, "{}");
      stack.awaitIdle();
      String third = SfnFixture.start(sfn, machine, "{}");
      stack.awaitIdle();

      assertThatThrownBy(() -> SfnFixture.describe(sfn, first)).isInstanceOf(ExecutionDoesNotExistException.class);
      assertThat(SfnFixture.describe(sfn, second).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
      assertThat(SfnFixture.history(sfn, third)).isNotEmpty();
      List<ExecutionListItem> listed = sfn.listExecutions(b -> b.stateMachineArn(machine)).executions();
      assertThat(listed).extracting(ExecutionListItem::executionArn).containsExactly(third, second);
      assertThat(SfnFixture.describe(sfn, waiting).status()).as("running executions are always kept")
          .isEqualTo(ExecutionStatus.RUNNING);
    }
  }

  @Test
  void anEndedExecutionGoesOnceOlderThanTheRetentionOnTheStacksClock() {
    ManualClock clock = ManualClock.create();
    try (LocalStack stack = LocalStack.builder().clock(clock).executionRetention(Duration.ofHours(1)).start();
        SfnClient sfn = SfnFixture.client(stack)) {
      String machine = SfnFixture.machine(sfn, "Passes", PASS);
      String old = SfnFixture.start(sfn, machine, "{}");
      stack.awaitIdle();
      clock.advance(Duration.ofMinutes(59));
      assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).hasSize(1);

      clock.advance(Duration.ofMinutes(2));
      assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).isEmpty();
      assertThatThrownBy(() -> SfnFixture.describe(sfn, old)).isInstanceOf(ExecutionDoesNotExistException.class);
    }
  }
}
