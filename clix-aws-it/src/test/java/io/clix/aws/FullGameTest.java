package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** A whole game on the local stack, in each correlation mode: lobby fills, two rounds, the end. */
class FullGameTest {

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void aGameRunsFromLobbyToFinish(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator games = aws.orchestrator("w1");
      List<GameEvent> heard = new CopyOnWriteArrayList<>();
      games.addListener(heard::add);

      GameView created = games.createGame(GameSpec.builder().gameId("full-" + correlation).capacity(2)
          .rounds(2).lobbyTimeout(Duration.ofSeconds(30)).roundTimeout(Duration.ofSeconds(20)).build());
      aws.settle();
      assertThat(aws.executionStatus(created.gameId())).isEqualTo(ExecutionStatus.RUNNING);

      games.join(created.gameId(), "alice");
      GameView started = games.join(created.gameId(), "bob").game();
      assertThat(started.status()).isEqualTo(GameStatus.RUNNING);
      assertThat(started.currentRound()).isEqualTo(1);
      aws.settle();

      games.submitMove(created.gameId(), "alice", 1, IntNode.valueOf(1));
      games.submitMove(created.gameId(), "bob", 1, IntNode.valueOf(2));
      aws.settle();
      assertThat(games.describe(created.gameId()).currentRound()).isEqualTo(2);
      games.submitMove(created.gameId(), "alice", 2, IntNode.valueOf(3));
      GameView end = games.describe(created.gameId());
      assertThat(end.status()).isEqualTo(GameStatus.RUNNING);
      games.submitMove(created.gameId(), "bob", 2, IntNode.valueOf(4));
      aws.settle();

      GameView finished = games.describe(created.gameId());
      assertThat(finished.status()).isEqualTo(GameStatus.FINISHED);
      assertThat(aws.executionStatus(created.gameId())).isEqualTo(ExecutionStatus.SUCCEEDED);
      List<GameEvent> events = games.events(created.gameId(), 0);
      assertThat(events).extracting(GameEvent::sequence)
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, events.size()).boxed().toList());
      assertThat(events).extracting(GameEvent::type).containsSubsequence(EventType.GAME_CREATED,
          EventType.GAME_STARTED, EventType.ROUND_CLOSED, EventType.ROUND_CLOSED, EventType.GAME_FINISHED);
      assertThat(heard).containsExactlyElementsOf(events);
    }
  }
}
