package io.clix.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import io.clix.spring.internal.ClixHealthIndicator;
import io.clix.testkit.InMemoryGameOrchestrator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The auto-configuration in each mode, with and without the optional libraries, on a local stack. */
class ClixAutoConfigurationTest {

  private static LocalStack stack;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ClixAutoConfiguration.class, ClixHealthAutoConfiguration.class));

  @BeforeAll
  static void startStack() {
    stack = LocalStack.builder().start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  /** A runner with the application's own four clients on the local stack, provisioning on start. */
  private ApplicationContextRunner onLocalStack() {
    return runner
        .withBean(SfnClient.class, () -> LocalStackClients.sfn(stack))
        .withBean(DynamoDbClient.class, () -> LocalStackClients.dynamoDb(stack))
        .withBean(SfnAsyncClient.class, () -> LocalStackClients.sfnAsync(stack))
        .withBean(DynamoDbAsyncClient.class, () -> LocalStackClients.dynamoDbAsync(stack))
        .withPropertyValues("clix.aws.table-name=starter-games", "clix.aws.provision.on-start=true",
            "clix.aws.provision.state-machine-name=starter", "clix.aws.provision.activity-prefix=starter",
            "clix.aws.provision.role-arn=arn:aws:iam::123456789012:role/clix-test",
            "clix.aws.provision.table-wait-interval=20ms", "clix.aws.router-workers=2");
  }

  private static GameSpec spec(String id) {
    return GameSpec.builder().gameId(id).capacity(2).minPlayers(2).rounds(1)
        .lobbyTimeout(Duration.ofMinutes(5)).roundTimeout(Duration.ofMinutes(5)).build();
  }

  @Test
  void memoryModeRunsTheInMemoryOrchestrator() {
    runner.withPropertyValues("clix.mode=memory").run(context -> {
      assertThat(context).hasSingleBean(GameOrchestrator.class);
      GameOrchestrator games = context.getBean(GameOrchestrator.class);
      assertThat(games).isInstanceOf(InMemoryGameOrchestrator.class);
      games.createGame(spec("mem"));
      games.join("mem", "alice");
      assertThat(games.join("mem", "bob").game().status()).isEqualTo(GameStatus.RUNNING);
      assertThat(context).doesNotHaveBean(ClixHealthIndicator.class);
    });
  }

  @Test
  void awsModeWithoutAStateMachineFailsWithAClearMessage() {
    runner.withBean(SfnClient.class, () -> LocalStackClients.sfn(stack))
        .withBean(DynamoDbClient.class, () -> LocalStackClients.dynamoDb(stack))
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("clix.aws.state-machine-arn"));
  }

  @Test
  void theApplicationsOwnOrchestratorWins() {
    runner.withBean(GameOrchestrator.class, InMemoryGameOrchestrator::create).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(GameOrchestrator.class);
      assertThat(context).doesNotHaveBean(AwsGameOrchestrator.class);
    });
  }

  @Test
  void awsModeProvisionsAndPlaysOnTheApplicationsClientsAndClosesWithTheContext() {
    AtomicReference<AwsGameOrchestrator> made = new AtomicReference<>();
    onLocalStack().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(AwsGameOrchestrator.class);
      AwsGameOrchestrator games = context.getBean(AwsGameOrchestrator.class);
      made.set(games);
      games.createGame(spec("aws1"));
      games.join("aws1", "alice");
      assertThat(games.describe("aws1").players()).hasSize(1);
      assertThat(games.isRouterAlive()).isTrue();

      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.find("clix.orchestrator.requests").tag("method", "join").timer().count()).isEqualTo(1);
      assertThat(registry.find("clix.aws.calls").timers()).isNotEmpty();

      Health health = context.getBean(ClixHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("table", "starter-games").containsEntry("router", "running");
    });
    assertThat(made.get().isRouterAlive()).isFalse();
  }

  @Test
  void withoutMicrometerOrActuatorTheOrchestratorStillRuns() {
    onLocalStack().withClassLoader(new FilteredClassLoader(MeterRegistry.class, HealthIndicator.class))
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(AwsGameOrchestrator.class);
          assertThat(context).doesNotHaveBean(ClixHealthIndicator.class);
          context.getBean(GameOrchestrator.class).createGame(spec("plain"));
        });
  }

  @Test
  void theHealthIndicatorReportsDownWhenTheTableIsGone() {
    onLocalStack().withPropertyValues("clix.aws.table-name=starter-missing", "clix.aws.provision.on-start=false",
        "clix.aws.state-machine-arn=arn:aws:states:us-east-1:123456789012:stateMachine:starter",
        "clix.aws.activity-prefix=")
        .run(context -> {
          assertThat(context).hasNotFailed();
          Health health = context.getBean(ClixHealthIndicator.class).health(false);
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        });
  }
}
