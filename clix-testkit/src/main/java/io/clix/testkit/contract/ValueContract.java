package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import io.clix.core.Player;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values handed in and out belong to the caller: a view is a snapshot that later changes do not
 * touch, and changing JSON after passing it in, or JSON read from a view or an event, changes no
 * game.
 */
public interface ValueContract extends ContractPart {

  @Test
  default void aListOfEventsIsTheCallersSnapshot() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("snapshot", 3, 2, "alice");
    List<GameEvent> before = f.games.events(game.gameId(), 0);
    GameView viewBefore = f.games.describe(game.gameId());

    f.games.join(game.gameId(), "bob");
    f.games.startNow(game.gameId());
    assertThat(before).as("a list already returned does not grow").hasSize(2);
    try {
      before.clear();
    } catch (UnsupportedOperationException readOnly) {
      // an unmodifiable list is fine too
    }

    assertThat(viewBefore.players()).extracting(Player::playerId).containsExactly("alice");
    List<GameEvent> after = f.events(game.gameId());
    assertThat(after).extracting(GameEvent::type).containsExactly(EventType.GAME_CREATED, EventType.PLAYER_JOINED,
        EventType.PLAYER_JOINED, EventType.GAME_STARTED, EventType.ROUND_OPENED);
    assertThat(f.games.events(game.gameId(), 0)).isEqualTo(after);
  }

  @Test
  default void changingJsonAfterPassingItInChangesNoGame() {
    Fixture f = Fixture.of(this);
    ObjectNode metadata = (ObjectNode) json("{\"map\":\"desert\"}");
    GameSpec spec = Fixture.spec("copied-in").capacity(2).rounds(2).metadata(metadata).build();
    String id = f.games.createGame(spec).gameId();
    ObjectNode data = (ObjectNode) json("{\"avatar\":\"fox\"}");
    f.games.join(id, "alice", data);
    f.games.join(id, "bob");
    ArrayNode move = (ArrayNode) json("[1,2]");
    f.games.submitMove(id, "alice", 1, move);
    f.games.submitMove(id, "bob", 1, json("0"));
    ObjectNode result = (ObjectNode) json("{\"winner\":\"alice\"}");
    f.games.finish(id, result);

    metadata.put("map", "swamp");
    data.put("avatar", "wolf");
    move.add(3);
    result.put("winner", "bob");

    GameView view = f.games.describe(id);
    assertThat(view.spec().metadata()).isEqualTo(json("{\"map\":\"desert\"}"));
    assertThat(view.player("alice").orElseThrow().data()).contains(json("{\"avatar\":\"fox\"}"));
    assertThat(view.result()).contains(json("{\"winner\":\"alice\"}"));
    assertThat(f.only(id, EventType.GAME_CREATED).data().path("spec").path("metadata"))
        .isEqualTo(json("{\"map\":\"desert\"}"));
    assertThat(f.events(id).get(1).data().path("data")).isEqualTo(json("{\"avatar\":\"fox\"}"));
    assertThat(f.only(id, EventType.ROUND_CLOSED).data().path("moves").path("alice")).isEqualTo(json("[1,2]"));
  }

  @Test
  default void changingJsonReadFromAViewOrAnEventChangesNoGame() {
    Fixture f = Fixture.of(this);
    String id = f.games.createGame(Fixture.spec("copied-out").capacity(2)
        .metadata(json("{\"map\":\"desert\"}")).build()).gameId();
    f.games.join(id, "alice", json("{\"avatar\":\"fox\"}"));

    GameView view = f.games.describe(id);
    ((ObjectNode) view.spec().metadata()).put("map", "swamp");
    ((ObjectNode) view.player("alice").orElseThrow().data().orElseThrow()).put("avatar", "wolf");
    List<GameEvent> events = f.events(id);
    ((ObjectNode) events.get(1).data()).put("seat", 99);
    ((ObjectNode) events.get(0).data()).removeAll();

    GameView again = f.games.describe(id);
    assertThat(again.spec().metadata()).isEqualTo(json("{\"map\":\"desert\"}"));
    assertThat(again.player("alice").orElseThrow().data()).contains(json("{\"avatar\":\"fox\"}"));
    assertThat(f.events(id).get(1).data().path("seat").asInt()).isEqualTo(1);
    assertThat(f.events(id).get(0).data().has("spec")).isTrue();
  }
}
