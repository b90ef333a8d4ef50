package io.clix.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.LocalStack;
import io.clix.local.junit5.LocalStackClients;
import io.clix.testkit.InMemoryGameOrchestrator;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The SDK clients the starter builds from {@code spring.cloud.aws.*} when the application has none. */
class AwsClientPropertiesTest {

  private static LocalStack stack;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ClixAwsClientsAutoConfiguration.class, ClixAutoConfiguration.class))
      .withPropertyValues("clix.aws.table-name=props-games", "clix.aws.provision.on-start=true",
          "clix.aws.provision.state-machine-name=props", "clix.aws.provision.activity-prefix=props",
          "clix.aws.provision.role-arn=arn:aws:iam::123456789012:role/clix-test",
          "clix.aws.provision.table-wait-interval=20ms", "clix.aws.router-workers=1");

  @BeforeAll
  static void startStack() {
    stack = LocalStack.builder().start();
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @Test
  void withoutClientBeansTheStarterBuildsThemFromSpringCloudAwsPropertiesAndPlays() {
    runner.withPropertyValues("spring.cloud.aws.region.static=" + stack.region(),
        "spring.cloud.aws.endpoint=" + stack.endpoint(),
        "spring.cloud.aws.credentials.access-key=local", "spring.cloud.aws.credentials.secret-key=local")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(SfnClient.class).hasSingleBean(DynamoDbClient.class);
          SfnClient sfn = context.getBean(SfnClient.class);
          assertThat(sfn.serviceClientConfiguration().region()).isEqualTo(Region.of(stack.region()));
          assertThat(sfn.serviceClientConfiguration().endpointOverride()).contains(stack.endpoint());
          assertThat(sfn.serviceClientConfiguration().credentialsProvider().resolveIdentity().join().accessKeyId())
              .isEqualTo("local");

          GameOrchestrator games = context.getBean(GameOrchestrator.class);
          games.createGame(GameSpec.builder().gameId("props-1").capacity(2).minPlayers(2).rounds(1)
              .lobbyTimeout(Duration.ofMinutes(5)).roundTimeout(Duration.ofMinutes(5)).build());
          games.join("props-1", "alice");
          assertThat(games.join("props-1", "bob").game().status()).isEqualTo(GameStatus.RUNNING);
        });
  }

  @Test
  void aServicesOwnEndpointWinsOverTheSharedOne() {
    URI shared = URI.create("http://shared.invalid:4566");
    URI own = URI.create("http://dynamodb.invalid:8000");
    runner.withPropertyValues("clix.aws.provision.on-start=false",
        "clix.aws.state-machine-arn=arn:aws:states:eu-west-1:123456789012:stateMachine:x", "clix.aws.activity-prefix=",
        "spring.cloud.aws.region.static=eu-west-1", "spring.cloud.aws.endpoint=" + shared,
        "spring.cloud.aws.dynamodb.endpoint=" + own)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(DynamoDbClient.class).serviceClientConfiguration().endpointOverride())
              .contains(own);
          assertThat(context.getBean(SfnClient.class).serviceClientConfiguration().endpointOverride())
              .contains(shared);
          assertThat(context.getBean(SfnClient.class).serviceClientConfiguration().region())
              .isEqualTo(Region.EU_WEST_1);
        });
  }

  @Test
  void theApplicationsOwnClientsWin() {
    runner.withBean(SfnClient.class, () -> LocalStackClients.sfn(stack))
        .withBean(DynamoDbAsyncClient.class, () -> LocalStackClients.dynamoDbAsync(stack))
        .withBean(DynamoDbClient.class, () -> LocalStackClients.dynamoDb(stack))
        .withPropertyValues("spring.cloud.aws.endpoint=http://never.invalid")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(SfnClient.class).hasSingleBean(DynamoDbClient.class);
          assertThat(context.getBean(SfnClient.class).serviceClientConfiguration().endpointOverride())
              .contains(stack.endpoint());
          assertThat(context).hasSingleBean(AwsGameOrchestrator.class);
        });
  }

  @Test
  void anAsyncClientAloneIsTheApplicationsChoiceAndAnOwnOrchestratorNeedsNoClients() {
    runner.withPropertyValues("clix.aws.provision.on-start=false",
        "clix.aws.state-machine-arn=arn:aws:states:eu-west-1:123456789012:stateMachine:x", "clix.aws.activity-prefix=",
        "spring.cloud.aws.region.static=eu-west-1")
        .withBean(SfnAsyncClient.class, () -> LocalStackClients.sfnAsync(stack))
        .withBean(DynamoDbAsyncClient.class, () -> LocalStackClients.dynamoDbAsync(stack))
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(SfnClient.class).doesNotHaveBean(DynamoDbClient.class);
        });
    runner.withBean(GameOrchestrator.class, InMemoryGameOrchestrator::create).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(SfnClient.class).doesNotHaveBean(DynamoDbClient.class);
    });
  }

  @Test
  void anAccessKeyWithoutItsSecretFailsWithAClearMessage() {
    runner.withPropertyValues("spring.cloud.aws.region.static=eu-west-1",
        "spring.cloud.aws.credentials.access-key=AKIA")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("spring.cloud.aws.credentials.access-key"));
  }
}
