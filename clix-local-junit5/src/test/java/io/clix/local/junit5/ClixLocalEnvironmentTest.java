package io.clix.local.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The supported local environment: injected per test by the extension with the annotation's
 * options; {@code advance} returns with every deadline on the way run and every listener told;
 * diagnostics show what is open.
 */
@ExtendWith(ClixLocalExtension.class)
@ClixLocalOptions(correlation = Correlation.ACTIVITIES)
class ClixLocalEnvironmentTest {

  @Test
  void theExtensionInjectsAnEnvironmentWithTheAnnotatedOptions(ClixLocalEnvironment env) {
    assertThat(env.correlation()).isEqualTo(Correlation.ACTIVITIES);
    assertThat(env.clock()).isInstanceOf(ManualClock.class);
    assertThat(env.stack().clock()).isSameAs(env.clock());
  }

  @Test
  @ClixLocalOptions(correlation = Correlation.CALLBACKS)
  void aMethodAnnotationWinsOverTheClass(ClixLocalEnvironment env) {
    assertThat(env.correlation()).isEqualTo(Correlation.CALLBACKS);
  }

  @Test
  void advanceRunsEveryRoundDeadlineOnTheWayAndListenersHearThemBeforeItReturns(ClixLocalEnvironment env) {
    AwsGameOrchestrator games = env.orchestrator("listened");
    List<GameEvent> heard = new CopyOnWriteArrayList<>();
    games.addListener(heard::add);
    games.createGame(GameSpec.builder().gameId("g").capacity(2).rounds(3)
        .lobbyTimeout(Duration.ofSeconds(20)).roundTimeout(Duration.ofSeconds(30)).build());
    games.join("g", "alice");
    games.join("g", "bob");
    games.submitMove("g", "alice", 1, IntNode.valueOf(1));

    env.advance(Duration.ofSeconds(95)); // three 30-second rounds time out one after the other

    assertThat(games.describe("g").status()).isEqualTo(GameStatus.FINISHED);
    assertThat(heard).extracting(GameEvent::sequence)
        .containsExactlyElementsOf(games.events("g", 0).stream().map(GameEvent::sequence).toList());
    assertThat(heard.get(heard.size() - 1).type()).isEqualTo(EventType.GAME_FINISHED);
    assertThat(env.diagnostics().stack().openExecutions()).isEmpty();
  }

  @Test
  void diagnosticsShowTheOpenExecutionAndTheWaitTaskItsRouterHolds(ClixLocalEnvironment env) {
    AwsGameOrchestrator games = env.orchestrator("diagnosed");
    games.createGame(GameSpec.builder().gameId("open").capacity(2).build());
    env.settle();

    ClixLocalDiagnostics diagnostics = env.diagnostics();
    assertThat(diagnostics.stack().openExecutions()).singleElement().satisfies(e -> {
      assertThat(e.executionArn()).isEqualTo(env.executionArn("open"));
      assertThat(e.currentState()).isNotBlank();
    });
    assertThat(diagnostics.stack().tasksInFlight()).singleElement()
        .satisfies(t -> assertThat(t.activityArn()).isEqualTo(env.activities().lobby()));
    assertThat(diagnostics.stack().tasksQueued()).isEmpty();
    assertThat(diagnostics.routerWorkInFlight()).containsOnlyKeys(diagnostics.routerWorkInFlight().keySet())
        .allSatisfy((worker, work) -> assertThat(work).isZero());
    assertThat(diagnostics.toString()).doesNotContain("AQ"); // never a task token
  }
}
