package io.clix.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.MoveReceipt;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/**
 * How values sit in the table: every JSON value as the exact JSON text in a string attribute (so
 * {@code 0.10} stays {@code 0.10}), and the open round's move payloads on their MOVE_ACCEPTED event
 * items rather than in the game item, read back by any orchestrator on the table.
 */
class ExactStorageTest {

  @Test
  void numbersAreStoredAsTheirTextAndMovePayloadsLiveOnTheirEventItems() throws Exception {
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().correlation(Correlation.ACTIVITIES).start()) {
      AwsGameOrchestrator games = aws.orchestrator("w1");
      JsonNode metadata = ClixJson.mapper().readTree("{\"p\":0.10}");
      String id = games.createGame(GameSpec.builder().gameId("exact-storage").capacity(2).metadata(metadata)
          .build()).gameId();
      games.join(id, "alice");
      games.join(id, "bob");
      JsonNode move = ClixJson.mapper().readTree("{\"x\":0.10,\"big\":1e400,\"tiny\":1e-400}");
      MoveReceipt receipt = games.submitMove(id, "alice", 1, move);

      String state = item(aws, id, 0).get("state").s();
      assertThat(state).contains("{\"p\":0.10}").doesNotContain("1E+400");
      assertThat(item(aws, id, receipt.sequence()).get("move").s())
          .isEqualTo("{\"x\":0.10,\"big\":1E+400,\"tiny\":1E-400}");

      AwsGameOrchestrator other = aws.orchestrator("w2");
      assertThat(other.submitMove(id, "alice", 1, ClixJson.mapper().readTree(move.toString())))
          .as("an identical retry through another orchestrator").isEqualTo(receipt);
      other.submitMove(id, "bob", 1, ClixJson.mapper().readTree("2.50"));
      GameEvent closed = games.events(id, 0).stream().filter(e -> e.type() == EventType.ROUND_CLOSED)
          .findFirst().orElseThrow();
      assertThat(closed.data().path("moves").path("alice")).isEqualTo(move);
      assertThat(closed.data().path("moves").path("bob").toString()).isEqualTo("2.50");
      assertThat(other.describe(id).spec().metadata()).isEqualTo(metadata);
    }
  }

  private static Map<String, AttributeValue> item(ClixLocalEnvironment aws, String gameId, long sk) {
    return aws.dynamoDb().getItem(GetItemRequest.builder().tableName(aws.deployment().tableName()).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS(gameId), "sk", AttributeValue.fromN(Long.toString(sk)))).build()).item();
  }
}
