package io.clix.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.aws.reliability.FaultProxy.Fault;
import io.clix.core.ClixServiceException;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * The lost-response case: a call whose first attempt landed but whose answer never came back
 * (the connection reset after the stack answered) is retried, by the SDK or by the caller after a
 * retryable Clix error, and returns the same result without writing anything twice.
 */
class LostResponseTest {

  private ClixLocalEnvironment deployment;
  private FaultProxy proxy;
  private AwsGameOrchestrator sdkRetries;
  private AwsGameOrchestrator noRetries;

  @BeforeEach
  void start() {
    deployment = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start();
    proxy = new FaultProxy(deployment.stack().endpoint());
    sdkRetries = deployment.adoptLossy(deployment.closeWith(AwsClients.at(proxy.endpoint(),
        new AwsClients.Options(3, Duration.ofSeconds(1)))).apply(deployment.orchestratorBuilder()).workerName("retrying")
        .routerWorkers(0).build());
    noRetries = deployment.adoptLossy(deployment.closeWith(AwsClients.at(proxy.endpoint(),
        new AwsClients.Options(1, Duration.ofSeconds(1)))).apply(deployment.orchestratorBuilder()).workerName("single")
        .routerWorkers(0).build());
  }

  @AfterEach
  void stop() {
    deployment.close();
    proxy.close();
  }

  private GameView game(String id) {
    GameView g = sdkRetries.createGame(GameSpec.builder().gameId(id).capacity(2).rounds(2)
        .lobbyTimeout(Duration.ofSeconds(60)).roundTimeout(Duration.ofSeconds(60)).build());
    deployment.settle();
    return g;
  }

  private List<GameEvent> events(String id, EventType type) {
    return sdkRetries.events(id, 0).stream().filter(e -> e.type() == type).toList();
  }

  @Test
  void aJoinWhoseAnswerWasLostIsRetriedByTheSdkAndLandsOnce() {
    game("lost-join");
    proxy.failNext("TransactWriteItems", Fault.RESET_AFTER);

    JoinResult joined = sdkRetries.join("lost-join", "alice");

    assertThat(proxy.scriptedLeft()).isZero();
    assertThat(joined.seat()).isEqualTo(1);
    assertThat(events("lost-join", EventType.PLAYER_JOINED)).hasSize(1);
    assertThat(sdkRetries.describe("lost-join").version()).isEqualTo(2);
  }

  @Test
  void aJoinWhoseAnswerWasLostThrowsRetryableAndTheCallersRetryReturnsTheSameSeat() {
    game("lost-join-2");
    noRetries.join("lost-join-2", "bob");
    proxy.failNext("TransactWriteItems", Fault.RESET_AFTER);

    assertThatThrownBy(() -> noRetries.join("lost-join-2", "alice"))
        .isInstanceOfSatisfying(ClixServiceException.class, e -> {
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.gameId()).contains("lost-join-2");
        });
    long version = sdkRetries.describe("lost-join-2").version();
    JoinResult again = noRetries.join("lost-join-2", "alice");

    assertThat(again.seat()).isEqualTo(2);
    assertThat(again.game().status()).isEqualTo(GameStatus.RUNNING);
    assertThat(sdkRetries.describe("lost-join-2").version()).isEqualTo(version);
    assertThat(events("lost-join-2", EventType.PLAYER_JOINED)).extracting(e -> e.playerId().orElseThrow())
        .containsExactly("bob", "alice");
    assertThat(events("lost-join-2", EventType.GAME_STARTED)).hasSize(1);
  }

  @Test
  void aMoveWhoseAnswerWasLostReturnsTheSameReceiptWhenRetried() {
    game("lost-move");
    sdkRetries.join("lost-move", "alice");
    sdkRetries.join("lost-move", "bob");
    deployment.settle();
    proxy.failNext("TransactWriteItems", Fault.RESET_AFTER);

    assertThatThrownBy(() -> noRetries.submitMove("lost-move", "alice", 1, IntNode.valueOf(7)))
        .isInstanceOf(ClixServiceException.class);
    long version = sdkRetries.describe("lost-move").version();
    MoveReceipt receipt = noRetries.submitMove("lost-move", "alice", 1, IntNode.valueOf(7));
    proxy.failNext("TransactWriteItems", Fault.STALL);
    MoveReceipt viaSdk = sdkRetries.submitMove("lost-move", "alice", 1, IntNode.valueOf(7));

    assertThat(viaSdk).isEqualTo(receipt);
    assertThat(receipt.round()).isEqualTo(1);
    assertThat(sdkRetries.describe("lost-move").version()).isEqualTo(version);
    assertThat(events("lost-move", EventType.MOVE_ACCEPTED)).hasSize(1)
        .allSatisfy(e -> assertThat(e.sequence()).isEqualTo(receipt.sequence()));
  }

  @Test
  void aCreateWhoseStartWasLostMakesOneExecution() {
    proxy.failNext("StartExecution", Fault.RESET_AFTER);
    GameView created = game("lost-start");
    proxy.failNext("StartExecution", Fault.RESET_AFTER);
    assertThatThrownBy(() -> noRetries.createGame(created.spec())).isInstanceOf(ClixServiceException.class);
    GameView again = noRetries.createGame(created.spec());

    assertThat(again.version()).isEqualTo(created.version());
    assertThat(events("lost-start", EventType.GAME_CREATED)).hasSize(1);
    List<ExecutionListItem> executions = deployment.sfn()
        .listExecutions(b -> b.stateMachineArn(deployment.deployment().stateMachineArn())).executions();
    assertThat(executions).extracting(ExecutionListItem::name).containsExactly("lost-start");
  }

  @Test
  void aWaitWhoseTokenClaimAnswerWasLostIsStillCompletedWithoutWaitingForItsTimer() {
    game("lost-claim");
    sdkRetries.join("lost-claim", "alice");
    deployment.settle();
    assertThat(waitPoint("lost-claim")).isEqualTo("lobby");
    proxy.failNext("UpdateItem", Fault.RESET_AFTER);

    sdkRetries.join("lost-claim", "bob");
    deployment.settle();

    assertThat(proxy.scriptedLeft()).isZero();
    assertThat(waitPoint("lost-claim")).as("the execution left the lobby wait and waits in round 1").isEqualTo("round-1");
  }

  @Test
  void aCompletionWhoseAnswerWasLostCountsAsDone() {
    game("lost-success");
    sdkRetries.join("lost-success", "alice");
    deployment.settle();
    proxy.failNext("SendTaskSuccess", Fault.RESET_AFTER);

    sdkRetries.join("lost-success", "bob");
    deployment.settle();

    assertThat(proxy.scriptedLeft()).isZero();
    assertThat(waitPoint("lost-success")).isEqualTo("round-1");
  }

  /** The waiting point whose token the game's item holds now (read straight from the table). */
  private String waitPoint(String gameId) {
    Map<String, AttributeValue> item = deployment.dynamoDb().getItem(b -> b.tableName(deployment.deployment().tableName())
        .consistentRead(true).key(Map.of("pk", AttributeValue.fromS(gameId), "sk", AttributeValue.fromN("0")))
        .projectionExpression("waitPoint")).item();
    AttributeValue wp = item.get("waitPoint");
    return wp == null ? null : wp.s();
  }
}
