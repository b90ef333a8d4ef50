package io.clix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.POJONode;
import io.clix.core.InvalidRequestException.Violation;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RequestRulesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static InvalidRequestException refused(Runnable call) {
    InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, call::run);
    assertThat(e).as("the request is refused").isNotNull();
    assertThat(e.isRetryable()).isFalse();
    return e;
  }

  @Test
  void playerIdsAreBoundedAndPrintable() {
    assertThat(RequestRules.playerId("g", "alice.smith+1@example-host_2")).isEqualTo("alice.smith+1@example-host_2");
    assertThat(RequestRules.playerId("g", "x".repeat(Limits.MAX_PLAYER_ID_LENGTH))).hasSize(128);
    for (String bad : new String[] {null, "", "x".repeat(Limits.MAX_PLAYER_ID_LENGTH + 1), "a b", "a/b", "\u00e9"}) {
      InvalidRequestException e = refused(() -> RequestRules.playerId("g", bad));
      assertThat(e.violations()).as("player id %s", bad).extracting(Violation::field).containsExactly("playerId");
      assertThat(e.gameId()).contains("g");
    }
  }

  @Test
  void aMoveNamesARoundAndCarriesBoundedJson() {
    RequestRules.move("g", 1, JSON.textNode("x".repeat(Limits.MAX_MOVE_BYTES - 2)));
    RequestRules.move("g", Limits.MAX_ROUNDS, JSON.booleanNode(false));
    assertThat(refused(() -> RequestRules.move("g", 0, null)).violations()).extracting(Violation::field)
        .containsExactly("round", "move");
    assertThat(refused(() -> RequestRules.move("g", 1, NullNode.getInstance())).violations())
        .extracting(Violation::field).containsExactly("move");
    assertThat(refused(() -> RequestRules.move("g", 1, JSON.textNode("x".repeat(Limits.MAX_MOVE_BYTES - 1))))
        .violations()).extracting(Violation::rule).singleElement().asString().contains("4096");
    assertThat(refused(() -> RequestRules.move("g", Limits.MAX_ROUNDS + 1, JSON.numberNode(1))).violations())
        .extracting(Violation::field).containsExactly("round");
  }

  @Test
  void payloadSizesAreMeasuredAsCompactUtf8() {
    assertThat(RequestRules.jsonBytes(JSON.objectNode().put("k", "\u00e9"))).isEqualTo("{\"k\":\"\u00e9\"}".length() + 1);
    RequestRules.playerData("g", JSON.textNode("x".repeat(Limits.MAX_PLAYER_DATA_BYTES - 2)));
    assertThat(refused(() -> RequestRules.playerData("g", JSON.textNode("x".repeat(Limits.MAX_PLAYER_DATA_BYTES))))
        .violations()).extracting(Violation::field).containsExactly("playerData");
    RequestRules.result("g", null);
    assertThat(refused(() -> RequestRules.result("g", JSON.textNode("x".repeat(Limits.MAX_RESULT_BYTES))))
        .violations()).extracting(Violation::field).containsExactly("result");
  }

  @Test
  void aCancelReasonIsShortPrintableText() {
    assertThat(RequestRules.reason("g", "x".repeat(Limits.MAX_REASON_LENGTH))).hasSize(256);
    for (String bad : new String[] {null, "", " \t ", "x".repeat(Limits.MAX_REASON_LENGTH + 1), "a\u0000b"}) {
      assertThat(refused(() -> RequestRules.reason("g", bad)).violations()).as("reason %s", bad)
          .extracting(Violation::field).containsExactly("reason");
    }
  }

  @Test
  void aGameIdArgumentFollowsTheSpecRule() {
    assertThat(RequestRules.gameId("x".repeat(80))).hasSize(80);
    for (String bad : new String[] {null, "", "x".repeat(81), "a.b"}) {
      InvalidRequestException e = refused(() -> RequestRules.gameId(bad));
      assertThat(e.violations()).extracting(Violation::field).containsExactly("gameId");
      assertThat(e.gameId()).isEmpty();
    }
  }

  @Test
  void jsonValuesAreFiniteShallowWholeUnicodeWithBoundedNumbers() {
    JsonNode deepest = JSON.numberNode(1);
    for (int i = 0; i < Limits.MAX_JSON_DEPTH; i++) {
      deepest = JSON.arrayNode().add(deepest);
    }
    RequestRules.move("g", 1, deepest);
    RequestRules.move("g", 1, JSON.numberNode(new BigInteger("9".repeat(Limits.MAX_NUMBER_LENGTH))));
    RequestRules.move("g", 1, JSON.textNode("\ud83c\udfb2"));
    JsonNode tooDeep = JSON.arrayNode().add(deepest);
    JsonNode[] bad = {tooDeep, JSON.numberNode(Double.NaN), JSON.numberNode(Float.NEGATIVE_INFINITY),
        JSON.numberNode(new BigInteger("9".repeat(1200))), JSON.textNode("\ud83c"),
        JSON.objectNode().put("\udfb2", 1), new POJONode(new Object())};
    for (JsonNode value : bad) {
      assertThat(refused(() -> RequestRules.move("g", 1, value)).violations()).extracting(Violation::field)
          .containsExactly("move");
      assertThat(refused(() -> RequestRules.playerData("g", value)).violations()).extracting(Violation::field)
          .containsExactly("playerData");
    }
    assertThat(refused(() -> RequestRules.move("g", 1, tooDeep)).getMessage()).contains("nested at most 64");
    assertThat(refused(() -> RequestRules.result("g", JSON.numberNode(Double.NaN))).getMessage())
        .contains("result").contains("NaN");
  }
}
