package io.clix.local.junit5;

import io.clix.core.time.ManualClock;
import io.clix.local.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The JUnit extension: what it injects, and that each test class has its own stack and clock. */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackExtensionTest {

  private static LocalStack first;

  @Test
  @Order(1)
  void injectsAStackItsClientsAndItsManualClock(LocalStack stack, SfnClient sfn, SfnAsyncClient sfnAsync,
      DynamoDbClient dynamoDb, DynamoDbAsyncClient dynamoDbAsync, ManualClock clock) throws Exception {
    first = stack;
    assertThat(stack.clock()).isSameAs(clock);
    assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START);
    String arn = sfn.createActivity(b -> b.name("Injected")).activityArn();
    assertThat(sfnAsync.describeActivity(b -> b.activityArn(arn)).get().name()).isEqualTo("Injected");
    assertThat(dynamoDb).isNotNull();
    assertThat(dynamoDbAsync).isNotNull();
    stack.advance(Duration.ofHours(1));
  }

  @Test
  @Order(2)
  void theTestsOfOneClassShareTheStack(LocalStack stack, SfnClient sfn) {
    assertThat(stack).isSameAs(first);
    assertThat(sfn.listActivities(b -> { }).activities()).hasSize(1);
  }

  @Nested
  class AnotherClass {
    @Test
    void hasItsOwnStackAndAnUnmovedClock(LocalStack stack, ManualClock clock, SfnClient sfn) {
      assertThat(stack).isNotSameAs(first);
      assertThat(clock.instant()).as("time skipped elsewhere does not leak here").isEqualTo(ManualClock.DEFAULT_START);
      assertThat(sfn.listActivities(b -> { }).activities()).isEmpty();
    }
  }

  @Nested
  @LocalStackOptions(stackPerMethod = true)
  class StackPerMethod {
    private static LocalStack previous;

    @Test
    void one(LocalStack stack) {
      assertThat(stack).isNotSameAs(previous);
      previous = stack;
    }

    @Test
    void two(LocalStack stack) {
      assertThat(stack).isNotSameAs(previous);
      previous = stack;
    }
  }
}
