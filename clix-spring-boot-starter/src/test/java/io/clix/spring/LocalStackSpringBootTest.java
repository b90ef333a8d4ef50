package io.clix.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.local.LocalStack;
import io.clix.spring.test.ClixLocalStackTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** A {@code @SpringBootTest} on the local stack through {@link ClixLocalStackTest}. */
@SpringBootTest
@ClixLocalStackTest
class LocalStackSpringBootTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class GameBackend {
  }

  @Autowired
  GameOrchestrator games;

  @Autowired
  LocalStack stack;

  @Test
  void theAutoConfiguredOrchestratorPlaysOnTheLocalStack() {
    assertThat(games).isInstanceOf(AwsGameOrchestrator.class);
    games.createGame(GameSpec.builder().gameId("boot-1").capacity(2).minPlayers(2).rounds(1)
        .lobbyTimeout(Duration.ofMinutes(5)).roundTimeout(Duration.ofMinutes(5)).build());
    games.join("boot-1", "alice");
    GameView view = games.join("boot-1", "bob").game();
    assertThat(view.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(games.describe("boot-1").players()).hasSize(2);
    assertThat(((AwsGameOrchestrator) games).isRouterAlive()).isTrue();
    assertThat(stack.endpoint()).isNotNull();
  }
}
