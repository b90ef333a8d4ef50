package io.clix.aws.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.clix.core.ClixJson;
import io.clix.core.GameSpec;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemCodecTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void stateRoundTripsWithAbsentValuesStayingAbsent() throws Exception {
    GameSpec spec = GameSpec.builder().gameId("g1").capacity(2).rounds(2)
        .metadata(JsonNodeFactory.instance.objectNode().put("map", "desert")).build();
    GameState s = GameRules.create("g1", spec, T0).state();
    s = GameRules.join(s, "alice", null, T0).state();
    s = GameRules.join(s, "bob", JsonNodeFactory.instance.objectNode().put("elo", 1200), T0).state();
    s = GameRules.move(s, "alice", 1, JsonNodeFactory.instance.textNode("rock"), T0).state();

    GameState back = ItemCodec.state(ItemCodec.stateJson(s));

    assertThat(back).isEqualTo(s);
    assertThat(back.toView()).isEqualTo(s.toView());
    assertThat(back.seat("alice").orElseThrow().data()).isNull();
    assertThat(back.result()).isNull();
  }

  @Test
  void aJsonNullResultReadsBackAbsentAsTheRulesKeepIt() throws Exception {
    GameState s = GameRules.create("g2", GameSpec.builder().gameId("g2").capacity(1).build(), T0).state();
    s = GameRules.join(s, "alice", null, T0).state();
    s = GameRules.finish(s, NullNode.getInstance(), T0).state();

    GameState back = ItemCodec.state(ItemCodec.stateJson(s));

    assertThat(back).isEqualTo(s);
    assertThat(back.result()).isNull();
  }

  @Test
  void decodeReadsTimerMarkersAndIgnoresUnreadableOnes() {
    GameState s = GameRules.create("g3", GameSpec.builder().gameId("g3").build(), T0).state();
    Map<String, AttributeValue> item = Map.of(
        Attributes.STATE, AttributeValue.fromS(ItemCodec.stateJson(s)),
        Attributes.FIRED, AttributeValue.fromM(Map.of(
            "lobby", AttributeValue.fromS("2026-01-01T00:01:00.000Z"),
            "round-1", AttributeValue.fromS("not a time"))),
        Attributes.WAIT_POINT, AttributeValue.fromS("lobby"));

    GameItem item0 = ItemCodec.decode("g3", item);

    assertThat(item0.fired()).containsOnlyKeys("lobby");
    assertThat(item0.fired().get("lobby")).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(item0.waitPoint()).isEqualTo("lobby");
    assertThat(item0.hasStaleToken()).isFalse();
  }

  @Test
  void theGameItemKeepsMovesWithoutPayloadsAndAnOlderItemWithPayloadsStillReads() throws Exception {
    GameState s = GameRules.create("g4", GameSpec.builder().gameId("g4").capacity(2).build(), T0).state();
    s = GameRules.join(s, "alice", null, T0).state();
    s = GameRules.join(s, "bob", null, T0).state();
    JsonNode move = ClixJson.mapper().readTree("{\"x\":0.10}");
    s = GameRules.move(s, "alice", 1, move, T0).state();

    GameState stored = ItemCodec.state(ItemCodec.storedStateJson(s));
    assertThat(stored.moves()).containsOnlyKeys("alice");
    assertThat(stored.moves().get("alice").move()).isNull();
    assertThat(stored.moves().get("alice").sequence()).isEqualTo(s.moves().get("alice").sequence());

    GameState inline = ItemCodec.state(ItemCodec.stateJson(s));
    assertThat(inline).isEqualTo(s);
    assertThat(ItemCodec.stateJson(inline)).contains("{\"x\":0.10}");
  }
}
