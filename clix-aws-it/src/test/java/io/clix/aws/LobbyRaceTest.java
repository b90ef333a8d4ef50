package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The race of the seed: the player who fills the lobby arrives before the execution has stored its
 * lobby token. The test holds the execution in a Wait state inserted between the route to the
 * lobby and the lobby wait, fills the lobby, then lets it go: the token write must see the game
 * has left the lobby (callbacks: the conditional write fails and is caught; activities: the router
 * completes the task at once), and the game must start exactly once and play on.
 */
class LobbyRaceTest {

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void theJoinThatFillsTheLobbyBeforeTheTokenIsStoredStartsTheGameOnce(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      ObjectNode asl = StateMachineDefinition.builder().correlation(correlation)
          .tableName(aws.deployment().tableName()).activities(aws.activities()).build().toJson();
      ObjectNode states = (ObjectNode) asl.get("States");
      ArrayNode choices = (ArrayNode) states.get("Route").get("Choices");
      choices.forEach(c -> {
        if ("Lobby".equals(c.path("Next").asText())) {
          ((ObjectNode) c).put("Next", "Hold");
        }
      });
      states.putObject("Hold").put("Type", "Wait").put("Seconds", 5).put("Next", "Lobby");
      String machine = "held-" + correlation.name().toLowerCase();
      AwsGameOrchestrator games = aws.orchestrator(
          b -> b.workerName("race").stateMachineArn(aws.createStateMachine(machine, asl.toString())));

      String id = games.createGame(GameSpec.builder().gameId("race").capacity(2).rounds(1)
          .lobbyTimeout(Duration.ofSeconds(60)).roundTimeout(Duration.ofSeconds(60)).build()).gameId();
      aws.settle();
      games.join(id, "alice");
      assertThat(games.join(id, "bob").game().status()).isEqualTo(GameStatus.RUNNING);
      aws.advance(Duration.ofSeconds(5));

      List<HistoryEvent> history = new ArrayList<>();
      aws.sfn().getExecutionHistoryPaginator(b -> b.executionArn(aws.executionArn(machine, id))).events()
          .forEach(history::add);
      List<String> entered = history.stream().filter(e -> e.stateEnteredEventDetails() != null)
          .map(e -> e.stateEnteredEventDetails().name()).toList();
      assertThat(entered).containsSubsequence("Hold", "Lobby", "Sync", "Route", "Clock");
      if (correlation == Correlation.CALLBACKS) {
        assertThat(history).anySatisfy(e -> assertThat(e.taskFailedEventDetails()).isNotNull()
            .satisfies(f -> assertThat(f.error()).isEqualTo("DynamoDb.ConditionalCheckFailedException")));
      }

      games.submitMove(id, "alice", 1, IntNode.valueOf(1));
      games.submitMove(id, "bob", 1, IntNode.valueOf(2));
      aws.settle();
      assertThat(games.describe(id).status()).isEqualTo(GameStatus.FINISHED);
      assertThat(games.events(id, 0)).filteredOn(e -> e.type() == EventType.GAME_STARTED)
          .extracting(GameEvent::sequence).hasSize(1);
      assertThat(games.events(id, 0)).filteredOn(e -> e.type() == EventType.ROUND_OPENED).hasSize(1);
      assertThat(aws.sfn().describeExecution(b -> b.executionArn(aws.executionArn(machine, id))).status())
          .isEqualTo(ExecutionStatus.SUCCEEDED);
    }
  }
}
