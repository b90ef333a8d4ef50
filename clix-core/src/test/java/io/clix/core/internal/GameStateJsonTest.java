package io.clix.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.clix.core.ClixJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The state every orchestrator stores as JSON reads back equal, at every stage of a game. */
class GameStateJsonTest {

  private static final ObjectMapper MAPPER = ClixJson.mapper();

  @Test
  void everyStageRoundTrips() throws Exception {
    JsonNodeFactory json = JsonNodeFactory.instance;
    List<GameState> stages = new ArrayList<>();
    GameState s = GameRulesTest.lobby(3, 2, 2);
    stages.add(s);
    s = GameRules.join(s, "a", json.objectNode().put("avatar", "fox"), GameRulesTest.T0).state();
    s = GameRules.join(s, "b", null, GameRulesTest.T0).state();
    stages.add(s);
    s = GameRules.startNow(s, GameRulesTest.T0.plusSeconds(1)).state();
    s = GameRules.move(s, "b", 1, json.arrayNode().add(1).add("two"), GameRulesTest.T0.plusSeconds(2)).state();
    stages.add(s);
    s = GameRules.leave(s, "a", GameRulesTest.T0.plusSeconds(3)).state();
    stages.add(s);
    stages.add(GameRules.finish(s, json.objectNode().put("winner", "b"), GameRulesTest.T0.plusSeconds(4)).state());
    stages.add(GameRules.finish(s, null, GameRulesTest.T0.plusSeconds(4)).state());
    stages.add(GameRules.cancel(s, "stop", GameRulesTest.T0.plusSeconds(4)).state());
    GameState closedByMove = GameRules.move(s, "b", 2, json.objectNode().put("k", 1), GameRulesTest.T0.plusSeconds(5))
        .state();
    assertThat(closedByMove.closedBy().fingerprint()).isNotNull();
    stages.add(closedByMove);

    for (GameState stage : stages) {
      String text = MAPPER.writeValueAsString(stage);
      GameState back = MAPPER.readValue(text, GameState.class);
      assertThat(back).as(text).isEqualTo(stage);
      assertThat(back.toView()).isEqualTo(stage.toView());
      assertThat(MAPPER.writeValueAsString(back)).isEqualTo(text);
    }
  }

  @Test
  void aStateStoredBeforeClosedByExistedReadsBackWithoutIt() throws Exception {
    GameState s = GameRulesTest.running(2, "a", "b");
    com.fasterxml.jackson.databind.node.ObjectNode stored = MAPPER.valueToTree(s);
    stored.remove("closedBy");

    GameState back = MAPPER.treeToValue(stored, GameState.class);

    assertThat(back).isEqualTo(s);
    assertThat(back.closedBy()).isNull();
  }
}
