package io.clix.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.aws.reliability.FaultProxy.Fault;
import io.clix.core.ClixServiceException;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.MoveReceipt;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lost answers of the calls that move a game across a boundary: the first attempt lands (the move
 * that closes a round or finishes the game, the leave that cancels it, the result of a game that
 * ended by itself), its answer is lost, and the retry — the caller's after a retryable error, or the
 * SDK's own — answers what the first attempt would have answered, writing nothing.
 */
class LostClosingAnswerTest {

  private ClixLocalEnvironment deployment;
  private FaultProxy proxy;
  private AwsGameOrchestrator sdkRetries;
  private AwsGameOrchestrator noRetries;
  /** Straight to the stack, for the set-up and the reads: only the calls under test go through the proxy. */
  private AwsGameOrchestrator direct;

  @BeforeEach
  void start() {
    deployment = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start();
    direct = deployment.orchestrator();
    proxy = new FaultProxy(deployment.stack().endpoint());
    sdkRetries = deployment.adoptLossy(deployment.closeWith(AwsClients.at(proxy.endpoint(),
        new AwsClients.Options(3, Duration.ofSeconds(10)))).apply(deployment.orchestratorBuilder()).workerName("retrying")
        .routerWorkers(0).build());
    noRetries = deployment.adoptLossy(deployment.closeWith(AwsClients.at(proxy.endpoint(),
        new AwsClients.Options(1, Duration.ofSeconds(10)))).apply(deployment.orchestratorBuilder()).workerName("single")
        .routerWorkers(0).build());
  }

  @AfterEach
  void stop() {
    deployment.close();
    proxy.close();
  }

  private void running(String id, int rounds) {
    direct.createGame(GameSpec.builder().gameId(id).capacity(2).minPlayers(2).rounds(rounds)
        .lobbyTimeout(Duration.ofSeconds(60)).roundTimeout(Duration.ofSeconds(60)).build());
    direct.join(id, "alice");
    direct.join(id, "bob");
    deployment.settle();
  }

  private List<GameEvent> events(String id, EventType type) {
    return direct.events(id, 0).stream().filter(e -> e.type() == type).toList();
  }

  /** The receipt the first attempt would have returned: the one its MOVE_ACCEPTED event stands for. */
  private MoveReceipt firstAnswer(String id, String playerId, int round, IntNode move) {
    GameEvent accepted = events(id, EventType.MOVE_ACCEPTED).stream()
        .filter(e -> e.playerId().orElseThrow().equals(playerId) && e.round().orElseThrow() == round)
        .findFirst().orElseThrow();
    return MoveReceipt.builder().gameId(id).playerId(playerId).round(round).move(move)
        .acceptedAt(accepted.time()).sequence(accepted.sequence()).build();
  }

  @Test
  void theMoveThatClosedTheRoundReturnsItsReceiptAfterALostAnswer() {
    running("lost-close", 3);
    direct.submitMove("lost-close", "alice", 1, IntNode.valueOf(1));
    proxy.failNext("TransactWriteItems", Fault.RESET_AFTER);

    assertThatThrownBy(() -> noRetries.submitMove("lost-close", "bob", 1, IntNode.valueOf(2)))
        .isInstanceOfSatisfying(ClixServiceException.class, e -> assertThat(e.isRetryable()).isTrue());
    GameView after = direct.describe("lost-close");
    assertThat(after.currentRound()).as("the first attempt landed and closed round 1").isEqualTo(2);
    MoveReceipt again = noRetries.submitMove("lost-close", "bob", 1, IntNode.valueOf(2));

    assertThat(again).isEqualTo(firstAnswer("lost-close", "bob", 1, IntNode.valueOf(2)));
    assertThat(direct.describe("lost-close").version()).isEqualTo(after.version());
    assertThat(events("lost-close", EventType.ROUND_CLOSED)).hasSize(1);
  }

  @Test
  void theSdksRetryOfTheMoveThatFinishedTheGameReturnsItsReceipt() {
    running("lost-last", 1);
    direct.submitMove("lost-last", "alice", 1, IntNode.valueOf(1));
    proxy.failNext("TransactWriteItems", Fault.RESET_AFTER);

    MoveReceipt receipt = sdkRetries.submitMove("lost-last", "bob", 1, IntNode.valueOf(2));

    assertThat(proxy.scriptedLeft()).isZero();
    assertThat(receipt).isEqualTo(firstAnswer("lost-last", "bob", 1, IntNode.valueOf(2)));
    assertThat(direct.describe("lost-last").status()).isEqualTo(GameStatus.FINISHED);
    assertThat(events("lost-last", EventType.MOVE_ACCEPTED)).hasSize(2);
    assertThat(events("lost-last", EventType.GAME_FINISHED)).hasSize(1);
  }

  @Test
  void theLeaveThatCancelledTheGameReturnsItAfterALostAnswer() {
    running("lost-leave", 2);
    direct.leave("lost-leave", "alice");
    proxy.failNext("TransactWriteItems", Fault.RESET_AFTER);

    assertThatThrownBy(() -> noRetries.leave("lost-leave", "bob")).isInstanceOf(ClixServiceException.class);
    GameView cancelled = direct.describe("lost-leave");
    assertThat(cancelled.status()).isEqualTo(GameStatus.CANCELLED);

    assertThat(noRetries.leave("lost-leave", "bob")).isEqualTo(cancelled);
    assertThat(events("lost-leave", EventType.PLAYER_LEFT)).hasSize(2);
  }

  @Test
  void theResultOfAGameThatEndedByItselfIsRecordedOnceAfterALostAnswer() {
    running("lost-result", 1);
    direct.submitMove("lost-result", "alice", 1, IntNode.valueOf(1));
    direct.submitMove("lost-result", "bob", 1, IntNode.valueOf(2));
    proxy.failNext("TransactWriteItems", Fault.RESET_AFTER);
    var result = JsonNodeFactory.instance.objectNode().put("winner", "bob");

    assertThatThrownBy(() -> noRetries.finish("lost-result", result)).isInstanceOf(ClixServiceException.class);
    GameView recorded = direct.describe("lost-result");
    assertThat(recorded.result()).contains(result);

    assertThat(noRetries.finish("lost-result", result)).isEqualTo(recorded);
    assertThat(events("lost-result", EventType.RESULT_RECORDED)).hasSize(1);
  }
}
