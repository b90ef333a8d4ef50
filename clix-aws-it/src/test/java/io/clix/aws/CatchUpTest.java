package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backend that comes back after its games' deadlines passed with no instance alive catches up by
 * itself: the execution announces each timer it fired on the shared timer activity, the new
 * instance's router takes the announcements and folds them, and its listeners hear every game's
 * rounds close and the games finish, with nobody calling a game by id.
 */
class CatchUpTest {

  private static final int GAMES = 8;

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void aRestartedInstanceHearsEveryDeadlineItMissedWithoutReadingAnyGame(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator before = aws.orchestrator("before");
      List<String> ids = IntStream.range(0, GAMES).mapToObj(i -> "catch-up-" + i).collect(Collectors.toList());
      for (String id : ids) {
        before.createGame(GameSpec.builder().gameId(id).capacity(3).minPlayers(2)
            .lobbyTimeout(Duration.ofSeconds(20)).rounds(2).roundTimeout(Duration.ofSeconds(30)).build());
        before.join(id, "ann");
        before.join(id, "bob");
      }
      aws.settle();
      before.close();
      aws.forget(before);

      // Lobby timeout, both round deadlines: every game ends with no instance alive.
      aws.advance(Duration.ofSeconds(20 + 30 + 30 + 1));

      Map<String, List<EventType>> heard = new ConcurrentHashMap<>();
      AwsGameOrchestrator after = aws.orchestrator("after");
      after.addListener((GameEvent e) -> heard.computeIfAbsent(e.gameId(), g -> new CopyOnWriteArrayList<>())
          .add(e.type()));
      aws.settle();

      for (String id : ids) {
        assertThat(heard.get(id)).as(id).containsSubsequence(EventType.GAME_STARTED, EventType.ROUND_OPENED,
            EventType.ROUND_CLOSED, EventType.ROUND_OPENED, EventType.ROUND_CLOSED, EventType.GAME_FINISHED);
      }
    }
  }
}
