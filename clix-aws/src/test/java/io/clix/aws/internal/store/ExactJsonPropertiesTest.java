package io.clix.aws.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.ClixJson;
import io.clix.core.GameSpec;
import io.clix.core.InvalidRequestException;
import io.clix.core.Limits;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated JSON values (deep, wide, exotic numbers, any Unicode) against the input rules and the
 * game item's encoding: every value is either refused with {@link InvalidRequestException} or
 * accepted, and an accepted one comes back from the stored state exactly (Jackson equal, same
 * text); a value read from JSON text comes back equal to itself.
 */
class ExactJsonPropertiesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final GameState RUNNING = running();

  @Property(tries = 200)
  void aMoveIsRefusedWithATypedErrorOrComesBackExactly(@ForAll("values") JsonNode value) throws Exception {
    try {
      Limits.checkMove("g", 1, value);
    } catch (InvalidRequestException refused) {
      assertThat(refused.violations()).extracting(InvalidRequestException.Violation::field).containsExactly("move");
      return;
    }
    GameState moved = GameRules.move(RUNNING, "alice", 1, value, T0).state();
    JsonNode kept = moved.moves().get("alice").move();
    assertThat(kept).isEqualTo(ClixJson.canonical(value));
    assertThat(ClixJson.canonical(kept)).isEqualTo(kept);
    assertThat(text(kept)).isEqualTo(text(ClixJson.canonical(kept)));

    GameState back = ItemCodec.state(ItemCodec.stateJson(moved));
    assertThat(back).isEqualTo(moved);
    assertThat(text(back.moves().get("alice").move())).isEqualTo(text(kept));
    assertThat(ItemCodec.move("g", ItemCodec.s(ItemCodec.json(kept)))).isEqualTo(kept);
    assertThat(GameRules.move(moved, "alice", 1, value, T0).unchanged()).as("an identical retry").isTrue();
  }

  @Property(tries = 100)
  void aValueReadFromJsonTextIsKeptAsItIs(@ForAll("values") JsonNode generated) throws Exception {
    JsonNode read;
    try {
      read = ClixJson.mapper().readTree(text(generated));
    } catch (Exception notJson) {
      return; // NaN, a lone surrogate, a POJO: not JSON text at all
    }
    assertThat(ClixJson.canonical(read)).isEqualTo(read);
    assertThat(text(ClixJson.canonical(read))).isEqualTo(text(read));
  }

  @Provide
  Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> leaf = leaves();
    Arbitrary<JsonNode> tree = Arbitraries.recursive(() -> leaf, this::container, 0, 4);
    Arbitrary<JsonNode> deep = Combinators.combine(leaf, Arbitraries.integers().between(0, Limits.MAX_JSON_DEPTH + 6))
        .as(ExactJsonPropertiesTest::nest);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, tree), net.jqwik.api.Tuple.of(1, deep), net.jqwik.api.Tuple.of(2, leaf));
  }

  private Arbitrary<JsonNode> container(Arbitrary<JsonNode> child) {
    Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(list -> {
      ArrayNode a = JSON.arrayNode();
      list.forEach(a::add);
      return a;
    });
    Arbitrary<JsonNode> object = Combinators.combine(strings().list().ofMaxSize(4), child.list().ofSize(4))
        .as((names, children) -> {
          ObjectNode o = JSON.objectNode();
          for (int i = 0; i < names.size(); i++) {
            o.set(names.get(i), children.get(i));
          }
          return (JsonNode) o;
        });
    return Arbitraries.oneOf(array, object);
  }

  private static Arbitrary<JsonNode> leaves() {
    return Arbitraries.oneOf(List.of(
        Arbitraries.integers().map(JSON::numberNode),
        Arbitraries.longs().map(JSON::numberNode),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(40).negate(), BigInteger.TEN.pow(40)).map(JSON::numberNode),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(130)
            .map(d -> (JsonNode) JSON.numberNode(new BigInteger(d))),
        Combinators.combine(Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(30)),
            Arbitraries.integers().between(-500, 500)).as((u, scale) -> (JsonNode) JSON.numberNode(new BigDecimal(u, scale))),
        Arbitraries.doubles().withSpecialValue(Double.NaN).withSpecialValue(Double.POSITIVE_INFINITY)
            .withSpecialValue(-0.0).withSpecialValue(1e-300).map(JSON::numberNode),
        Arbitraries.floats().withSpecialValue(Float.NEGATIVE_INFINITY).withSpecialValue(1.1f).map(JSON::numberNode),
        Arbitraries.of(true, false).map(JSON::booleanNode),
        Arbitraries.just(JSON.nullNode()),
        strings().map(JSON::textNode)));
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(8),
        Arbitraries.of("\u00e9\u4e2d\ud83c\udfb2", "\ud800", "\udc00x", "\u0000\u001f\"\\", "0.10"));
  }

  private static JsonNode nest(JsonNode leaf, int depth) {
    JsonNode node = leaf;
    for (int i = 0; i < depth; i++) {
      node = i % 2 == 0 ? JSON.arrayNode().add(node) : JSON.objectNode().set("k", node);
    }
    return node;
  }

  private static String text(JsonNode node) throws Exception {
    return ClixJson.mapper().writeValueAsString(node);
  }

  private static GameState running() {
    GameState s = GameRules.create("g", GameSpec.builder().gameId("g").capacity(2).build(), T0).state();
    s = GameRules.join(s, "alice", null, T0).state();
    return GameRules.join(s, "bob", null, T0).state();
  }
}
