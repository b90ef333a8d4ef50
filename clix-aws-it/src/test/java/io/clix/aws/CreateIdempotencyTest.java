package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clix.core.GameAlreadyExistsException;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/** One execution per game, named by the game id: a retried create starts no second one, and an id is never reused. */
class CreateIdempotencyTest {

  @Test
  void aRetriedCreateMakesNoSecondExecution() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start()) {
      AwsGameOrchestrator one = aws.orchestrator("one");
      AwsGameOrchestrator two = aws.orchestrator("two");
      GameSpec spec = GameSpec.builder().gameId("once").capacity(2).build();

      one.createGame(spec);
      two.createGame(spec);
      two.createGameAsync(spec).join();
      aws.settle();

      assertThat(aws.sfn().listExecutionsPaginator(b -> b.stateMachineArn(aws.deployment().stateMachineArn())).executions())
          .extracting(ExecutionListItem::name).containsExactly("once");
      assertThat(one.events("once", 0)).hasSize(1);
    }
  }

  @Test
  void theIdOfAGameWhoseRecordsExpiredCannotBeReused() {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.CALLBACKS).start()) {
      AwsGameOrchestrator games = aws.orchestrator("one");
      GameSpec spec = GameSpec.builder().gameId("used").capacity(2).build();
      games.createGame(spec);
      games.cancel("used", "done");
      aws.settle();
      assertThat(games.createGame(spec).status()).isEqualTo(GameStatus.CANCELLED);
      for (int sk = 0; sk <= 2; sk++) {
        int key = sk;
        aws.dynamoDb().deleteItem(b -> b.tableName(aws.deployment().tableName())
            .key(Map.of("pk", AttributeValue.fromS("used"), "sk", AttributeValue.fromN(Integer.toString(key)))));
      }

      assertThatThrownBy(() -> games.createGame(spec)).isInstanceOf(GameAlreadyExistsException.class)
          .hasMessageContaining("used by an earlier game");
      assertThatThrownBy(() -> games.describe("used")).isInstanceOf(GameNotFoundException.class);
    }
  }
}
