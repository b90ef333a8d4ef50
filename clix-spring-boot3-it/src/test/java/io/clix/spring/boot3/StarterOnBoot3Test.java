package io.clix.spring.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import io.clix.testkit.InMemoryGameOrchestrator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.SpringVersion;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The starter in a Spring Boot 3.5 application: its auto-configurations, found through the same
 * {@code AutoConfiguration.imports} Boot 3 reads, give a working orchestrator in both modes, and the
 * Boot 4-only health indicator is left out rather than breaking the context.
 */
class StarterOnBoot3Test {

  private static LocalStack stack;

  /** The starter's auto-configurations as the application's class path lists them, not named one by one. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(io.clix.spring.ClixAwsClientsAutoConfiguration.class,
          io.clix.spring.ClixAutoConfiguration.class, io.clix.spring.ClixHealthAutoConfiguration.class));

  @BeforeAll
  static void startStack() {
    stack = LocalStack.builder().start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void runsOnSpringBoot35AndFramework62() {
    assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
    assertThat(SpringVersion.getVersion()).startsWith("6.2.");
  }

  @Test
  void memoryModePlaysAGame() {
    runner.withPropertyValues("clix.mode=memory").run(context -> {
      assertThat(context).hasNotFailed();
      GameOrchestrator games = context.getBean(GameOrchestrator.class);
      assertThat(games).isInstanceOf(InMemoryGameOrchestrator.class);
      games.createGame(GameSpec.builder().gameId("m").capacity(2).rounds(1).build());
      games.join("m", "a");
      games.join("m", "b");
      games.submitMove("m", "a", 1, com.fasterxml.jackson.databind.node.IntNode.valueOf(1));
      games.submitMove("m", "b", 1, com.fasterxml.jackson.databind.node.IntNode.valueOf(2));
      assertThat(games.describe("m").status()).isEqualTo(GameStatus.FINISHED);
    });
  }

  @Test
  void awsModeProvisionsAndPlaysOnTheLocalStackWithoutTheBoot4HealthIndicator() {
    runner
        .withBean(SfnClient.class, () -> LocalStackClients.sfn(stack))
        .withBean(DynamoDbClient.class, () -> LocalStackClients.dynamoDb(stack))
        .withPropertyValues("clix.aws.table-name=boot3-games", "clix.aws.provision.on-start=true",
            "clix.aws.provision.state-machine-name=boot3", "clix.aws.provision.activity-prefix=boot3",
            "clix.aws.provision.role-arn=arn:aws:iam::123456789012:role/clix-test",
            "clix.aws.provision.table-wait-interval=20ms")
        .run(context -> {
          assertThat(context).hasNotFailed();
          GameOrchestrator games = context.getBean(GameOrchestrator.class);
          assertThat(games).isInstanceOf(AwsGameOrchestrator.class);
          games.createGame(GameSpec.builder().gameId("a").capacity(2).lobbyTimeout(Duration.ofMinutes(5)).build());
          games.join("a", "p1");
          assertThat(games.join("a", "p2").game().status()).isEqualTo(GameStatus.RUNNING);
          assertThat(context).doesNotHaveBean("clixHealthIndicator");
          assertThat(context.getBeansOfType(HealthIndicator.class)).isEmpty();
        });
  }

  @Test
  void theImportsFileListsTheStarterForBoot3() {
    new ApplicationContextRunner().withUserConfiguration(App.class).withPropertyValues("clix.mode=memory")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(GameOrchestrator.class)).isInstanceOf(InMemoryGameOrchestrator.class);
        });
  }
}
