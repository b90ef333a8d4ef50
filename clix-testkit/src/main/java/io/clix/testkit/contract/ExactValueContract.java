package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static io.clix.testkit.contract.Fixture.toJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.Limits;
import io.clix.core.MoveReceipt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What goes in comes out: every JSON value a caller passes comes back from every read (views,
 * receipts, events) equal to {@link ClixJson#canonical} of it, numbers with their digits and
 * scale ({@code 0.10} stays {@code 0.10}), so an identical retry is idempotent; values at the
 * edges of {@link Limits} are accepted; and a game with every field at its limit at once plays a
 * whole round.
 */
public interface ExactValueContract extends ContractPart {

  /** Numbers a double would change: scale, huge and tiny exponents, long integers, a 100-character number. */
  String EXOTIC = "{\"tenth\":0.10,\"huge\":1e400,\"tiny\":1E-400,\"neg\":-2.50,\"int\":12345678901234567890123,"
      + "\"long\":9007199254740993,\"exp\":1.5e3,\"zero\":0.000,\"text\":\"\u00e9\u4e2d\ud83c\udfb2\","
      + "\"edge\":1" + "0".repeat(Limits.MAX_NUMBER_LENGTH - 1) + "}";

  @Test
  default void numbersAndTextComeBackExactlyFromEveryRead() {
    Fixture f = Fixture.of(this);
    JsonNode exotic = json(EXOTIC);
    GameSpec spec = Fixture.spec("exact").capacity(2).minPlayers(2).metadata(exotic).build();
    String id = f.games.createGame(spec).gameId();
    f.games.join(id, "alice", exotic);
    f.games.join(id, "bob", json("[0.10, 1.0, 1e-7]"));
    MoveReceipt receipt = f.games.submitMove(id, "alice", 1, exotic);
    f.games.submitMove(id, "bob", 1, json("0.10"));
    assertThat(receipt.move()).isEqualTo(exotic);
    GameView finished = f.games.describe(id);
    assertThat(finished.status()).isEqualTo(GameStatus.FINISHED);

    assertThat(finished.spec().metadata()).isEqualTo(exotic);
    assertThat(toJson(finished.spec().metadata())).isEqualTo(toJson(exotic));
    assertThat(finished.player("alice").orElseThrow().data()).contains(exotic);
    assertThat(toJson(finished.player("bob").orElseThrow().data().orElseThrow())).isEqualTo("[0.10,1.0,1E-7]");
    assertThat(f.only(id, EventType.GAME_CREATED).data().path("spec").path("metadata")).isEqualTo(exotic);
    JsonNode moves = f.only(id, EventType.ROUND_CLOSED).data().path("moves");
    assertThat(moves.path("alice")).isEqualTo(exotic);
    assertThat(toJson(moves.path("bob"))).isEqualTo("0.10");
    assertThat(f.games.createGame(spec)).as("the same spec again is the same game").isEqualTo(finished);
  }

  @Test
  default void anIdenticalRetryIsIdempotentWhateverTheNumberTypes() {
    Fixture f = Fixture.of(this);
    ObjectNode built = JsonNodeFactory.instance.objectNode();
    built.set("d", DoubleNode.valueOf(0.1));
    built.set("f", FloatNode.valueOf(1.1f));
    built.set("l", LongNode.valueOf(5));
    GameSpec spec = Fixture.spec("retry").capacity(2).minPlayers(2).metadata(built.deepCopy()).build();
    GameView game = f.games.createGame(spec);
    assertThat(f.games.createGame(Fixture.spec("x").from(spec).build())).isEqualTo(game);
    f.games.join(game.gameId(), "alice", built);
    f.games.join(game.gameId(), "bob");
    MoveReceipt first = f.games.submitMove(game.gameId(), "alice", 1, built);
    MoveReceipt again = f.games.submitMove(game.gameId(), "alice", 1, built.deepCopy());
    assertThat(again).isEqualTo(first);
    assertThat(toJson(first.move())).isEqualTo("{\"d\":0.1,\"f\":1.1,\"l\":5}");
    assertThat(first.move()).isEqualTo(ClixJson.canonical(built));
    assertThat(f.games.describe(game.gameId()).player("alice").orElseThrow().data())
        .contains(ClixJson.canonical(built));
    assertThat(f.games.describe(game.gameId()).spec()).isEqualTo(spec);
  }

  @Test
  default void valuesAtTheJsonLimitsAreAccepted() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("json-edges", 1, "alice", "bob");
    JsonNode deepest = BadJsonContract.nested(Limits.MAX_JSON_DEPTH);
    f.games.submitMove(game.gameId(), "alice", 1, deepest);
    JsonNode largest = JsonNodeFactory.instance.textNode("m".repeat(Limits.MAX_MOVE_BYTES - 2));
    f.games.submitMove(game.gameId(), "bob", 1, largest);
    JsonNode moves = f.only(game.gameId(), EventType.ROUND_CLOSED).data().path("moves");
    assertThat(moves.path("alice")).isEqualTo(deepest);
    assertThat(moves.path("bob")).isEqualTo(largest);
  }

  @Test
  default void aGameWithEveryFieldAtItsLimitPlaysAWholeRound() {
    Fixture f = Fixture.of(this);
    String gameId = Fixture.id("all-limits");
    gameId = gameId + "-".repeat(Limits.MAX_GAME_ID_LENGTH - gameId.length());
    ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("m", fill(Limits.MAX_METADATA_BYTES - 8));
    GameSpec spec = GameSpec.builder().gameId(gameId).capacity(Limits.MAX_CAPACITY).minPlayers(Limits.MAX_CAPACITY)
        .rounds(2).lobbyTimeout(Fixture.LOBBY_TIMEOUT).roundTimeout(Fixture.ROUND_TIMEOUT).metadata(metadata).build();
    f.games.createGame(spec);
    List<String> players = new ArrayList<>();
    for (int i = 0; i < Limits.MAX_CAPACITY; i++) {
      String p = String.format("p%03d", i) + "x".repeat(Limits.MAX_PLAYER_ID_LENGTH - 4);
      players.add(p);
      JsonNode data = JsonNodeFactory.instance.objectNode().put("d", fill(Limits.MAX_PLAYER_DATA_BYTES - 8));
      f.games.join(gameId, p, data);
    }
    assertThat(f.games.describe(gameId).status()).isEqualTo(GameStatus.RUNNING);
    for (int round = 1; round <= 2; round++) {
      for (String p : players) {
        JsonNode move = JsonNodeFactory.instance.objectNode().put("m", fill(Limits.MAX_MOVE_BYTES - 8));
        f.games.submitMove(gameId, p, round, move);
      }
    }
    GameView end = f.games.describe(gameId);
    assertThat(end.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(end.spec().metadata()).isEqualTo(metadata);
    List<GameEvent> closed = f.eventsOf(gameId, EventType.ROUND_CLOSED);
    assertThat(closed).hasSize(2);
    assertThat(closed.get(1).data().path("moves").size()).isEqualTo(Limits.MAX_CAPACITY);
    assertThat(closed.get(1).data().path("missing").size()).isZero();
  }

  /** A string of this many characters that does not compress to nothing. */
  private static String fill(int length) {
    StringBuilder sb = new StringBuilder(length);
    long x = length;
    while (sb.length() < length) {
      x = x * 6364136223846793005L + 1442695040888963407L;
      sb.append((char) ('a' + (int) ((x >>> 33) % 26)));
    }
    return sb.toString();
  }
}
