package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.core.ClixException;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Every instance writes from the game as it last saw it; here instance A's memory of a game is made
 * stale by instance B (and by the state machine's timer) before A's calls. A stale memory costs A a
 * conflict and a fresh read, never a wrong answer: seats, repeats, refusals and the game's events come
 * out as if A had read first, and the execution ends with the game.
 */
class StaleCacheTest {

  private static final Duration ROUND = Duration.ofSeconds(30);

  private static GameSpec spec(String id) {
    return GameSpec.builder().gameId(id).capacity(3).minPlayers(2).rounds(2)
        .lobbyTimeout(Duration.ofSeconds(60)).roundTimeout(ROUND).build();
  }

  private static List<EventType> types(List<GameEvent> events) {
    return events.stream().map(GameEvent::type).toList();
  }

  @ParameterizedTest
  @EnumSource(Correlation.class)
  void aStaleMemoryCostsAConflictNeverAWrongAnswer(Correlation correlation) {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(correlation).start()) {
      AwsGameOrchestrator a = aws.orchestrator("a");
      AwsGameOrchestrator b = aws.orchestrator("b");
      a.createGame(spec("stale"));
      a.join("stale", "alice");
      aws.settle();

      // B seats bob behind A's back; A remembers no bob, yet its repeat of the join is the same seat.
      int bobsSeat = b.join("stale", "bob").seat();
      assertThat(a.join("stale", "bob").seat()).isEqualTo(bobsSeat);
      // B takes alice out; A remembers her seated, yet its join of alice seats her again.
      b.leave("stale", "alice");
      JoinResult again = a.join("stale", "alice");
      assertThat(again.roster()).extracting(p -> p.playerId()).contains("alice", "bob");
      // B fills the lobby and plays round 1 out; A still remembers the lobby.
      b.join("stale", "carol");
      aws.settle();
      for (String player : List.of("alice", "bob", "carol")) {
        b.submitMove("stale", player, 1, IntNode.valueOf(1));
      }
      aws.settle();
      // From A's memory a move in round 2 would be refused (the game is in its lobby there): decided afresh.
      MoveReceipt receipt = a.submitMove("stale", "bob", 2, IntNode.valueOf(2));
      assertThat(receipt.round()).isEqualTo(2);
      assertThat(a.submitMove("stale", "bob", 2, IntNode.valueOf(2))).isEqualTo(receipt);
      aws.settle();

      // Round 2's deadline fires in the state machine (a timer marker A has not seen): A's late move
      // folds it and is refused, as after a fresh read.
      aws.advance(ROUND.plusSeconds(1));
      assertThatThrownBy(() -> a.submitMove("stale", "alice", 2, IntNode.valueOf(3)))
          .isInstanceOf(ClixException.class);
      aws.settle();

      assertThat(b.describe("stale").status()).isEqualTo(GameStatus.FINISHED);
      assertThat(aws.executionStatus("stale")).isEqualTo(ExecutionStatus.SUCCEEDED);
      List<GameEvent> events = b.events("stale", 0);
      assertThat(events).extracting(GameEvent::sequence)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
      List<EventType> types = types(events);
      assertThat(types.stream().filter(EventType.PLAYER_JOINED::equals)).hasSize(4);
      assertThat(types.stream().filter(EventType.PLAYER_LEFT::equals)).hasSize(1);
      assertThat(types.stream().filter(EventType.GAME_STARTED::equals)).hasSize(1);
      assertThat(types.stream().filter(EventType.MOVE_ACCEPTED::equals)).hasSize(4);
      assertThat(types.stream().filter(EventType.GAME_FINISHED::equals)).hasSize(1);
    }
  }
}
