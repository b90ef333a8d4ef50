package io.clix.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import io.clix.core.InvalidRequestException;
import io.clix.core.Limits;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every JSON value a caller passes (metadata, player data, moves, results) is held to the JSON
 * rules of {@link Limits}: a non-finite number, a number longer than {@link
 * Limits#MAX_NUMBER_LENGTH}, nesting deeper than {@link Limits#MAX_JSON_DEPTH}, a lone surrogate,
 * a value that cannot be written as JSON or one above its size is refused with {@link
 * InvalidRequestException} naming the field, by the sync method and as a failed future by its async
 * twin, and nothing is written. Metadata is refused by the {@link GameSpec} builder already.
 */
public interface BadJsonContract extends ContractPart {

  /** The bad values, each breaking one rule; {@code oversize} is filled per field. */
  private static Map<String, JsonNode> badValues() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    Map<String, JsonNode> bad = new LinkedHashMap<>();
    bad.put("NaN", DoubleNode.valueOf(Double.NaN));
    bad.put("+Infinity", DoubleNode.valueOf(Double.POSITIVE_INFINITY));
    bad.put("-Infinity", DoubleNode.valueOf(Double.NEGATIVE_INFINITY));
    bad.put("float NaN", FloatNode.valueOf(Float.NaN));
    bad.put("NaN deep inside", json.objectNode().set("a", json.arrayNode().add(1).add(Double.NaN)));
    bad.put("1,200-digit integer", BigIntegerNode.valueOf(new BigInteger("9".repeat(1200))));
    bad.put("101-character decimal", DecimalNode.valueOf(new BigDecimal("0." + "1".repeat(99))));
    bad.put("nested 1,000 deep", nested(1000));
    bad.put("nested one too deep", nested(Limits.MAX_JSON_DEPTH + 1));
    bad.put("lone surrogate in a string", TextNode.valueOf("a\uD800b"));
    bad.put("lone surrogate in a name", json.objectNode().put("\uDC00", 1));
    bad.put("not writable as JSON", new POJONode(new Object()));
    return bad;
  }

  /** An array nested {@code depth} deep around a number. */
  static JsonNode nested(int depth) {
    JsonNode node = JsonNodeFactory.instance.numberNode(1);
    for (int i = 0; i < depth; i++) {
      ArrayNode a = JsonNodeFactory.instance.arrayNode();
      a.add(node);
      node = a;
    }
    return node;
  }

  private static JsonNode oversize(int maxBytes) {
    return TextNode.valueOf("x".repeat(maxBytes - 1)); // plus the two quotes: one byte over
  }

  @Test
  default void badJsonInAMoveAPlayerDataOrAResultIsRefusedNamingTheFieldAndWritesNothing() {
    Fixture f = Fixture.of(this);
    GameView lobby = f.lobby("bad-json-lobby", 3, 2, "alice");
    GameView running = f.running("bad-json-run", 1, "alice", "bob");
    Map<String, Supplier<CompletableFuture<?>>> async = new LinkedHashMap<>();
    Map<String, Runnable> sync = new LinkedHashMap<>();
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, JsonNode> values = badValues();
    values.forEach((name, value) -> {
      JsonNode inObject = JsonNodeFactory.instance.objectNode().set("v", value);
      sync.put("playerData " + name, () -> f.games.join(lobby.gameId(), "carol", value));
      async.put("playerData " + name, () -> f.games.joinAsync(lobby.gameId(), "carol", value));
      fields.put("playerData " + name, "playerData");
      sync.put("move " + name, () -> f.games.submitMove(running.gameId(), "alice", 1, inObject));
      async.put("move " + name, () -> f.games.submitMoveAsync(running.gameId(), "alice", 1, inObject));
      fields.put("move " + name, "move");
      sync.put("result " + name, () -> f.games.finish(running.gameId(), value));
      async.put("result " + name, () -> f.games.finishAsync(running.gameId(), value));
      fields.put("result " + name, "result");
    });
    sync.put("playerData oversize", () -> f.games.join(lobby.gameId(), "carol", oversize(Limits.MAX_PLAYER_DATA_BYTES)));
    async.put("playerData oversize",
        () -> f.games.joinAsync(lobby.gameId(), "carol", oversize(Limits.MAX_PLAYER_DATA_BYTES)));
    fields.put("playerData oversize", "playerData");
    sync.put("move oversize", () -> f.games.submitMove(running.gameId(), "alice", 1, oversize(Limits.MAX_MOVE_BYTES)));
    async.put("move oversize",
        () -> f.games.submitMoveAsync(running.gameId(), "alice", 1, oversize(Limits.MAX_MOVE_BYTES)));
    fields.put("move oversize", "move");

    List<String> failures = new ArrayList<>();
    sync.forEach((name, call) -> {
      check(failures, name + " (sync)", syncFailure(call), fields.get(name));
      check(failures, name + " (async)", asyncFailure(async.get(name)), fields.get(name));
    });
    assertThat(failures).as("cases that were not refused as they should be").isEmpty();
    assertThat(sync).hasSizeGreaterThanOrEqualTo(38);
    assertThat(f.games.describe(lobby.gameId()).version()).as("nothing written").isEqualTo(lobby.version());
    assertThat(f.games.describe(running.gameId()).version()).as("nothing written").isEqualTo(running.version());
  }

  /**
   * A spec cannot reach an orchestrator with bad metadata: {@link GameSpec} is final, its builder (and its JSON
   * reading) refuses the metadata naming the field, and it copies the node in, so no later change slips one past.
   */
  @Test
  default void badJsonMetadataIsRefusedByTheSpecBuilderNamingTheField() {
    List<String> failures = new ArrayList<>();
    Map<String, JsonNode> values = new LinkedHashMap<>(badValues());
    values.put("oversize", oversize(Limits.MAX_METADATA_BYTES));
    values.forEach((name, value) -> {
      ObjectNode metadata = JsonNodeFactory.instance.objectNode().set("v", value);
      check(failures, "metadata " + name,
          syncFailure(() -> GameSpec.builder().gameId("bad-meta").metadata(metadata).build()), "metadata");
    });
    assertThat(failures).as("cases that were not refused as they should be").isEmpty();
  }

  private static void check(List<String> failures, String name, Throwable error, String field) {
    if (!(error instanceof InvalidRequestException)) {
      failures.add(name + ": expected InvalidRequestException, got " + error);
    } else if (((InvalidRequestException) error).violations().stream().noneMatch(v -> v.field().equals(field))) {
      failures.add(name + ": the error does not name " + field + ": " + error.getMessage());
    }
  }

  private static Throwable syncFailure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    return new AssertionError("the call succeeded");
  }

  private static Throwable asyncFailure(Supplier<CompletableFuture<?>> call) {
    CompletableFuture<?> future;
    try {
      future = call.get();
    } catch (RuntimeException e) {
      return new AssertionError("the async twin threw instead of returning a failed future", e);
    }
    try {
      future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return new AssertionError("the future did not complete", e);
    }
    return new AssertionError("the future succeeded");
  }
}
