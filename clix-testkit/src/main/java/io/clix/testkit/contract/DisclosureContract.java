package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.ClixException;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameView;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What leaves the orchestrator: views and events serialize only their documented fields (so no
 * task token or other internal can ride along), and error messages and {@code toString()}s carry
 * no long opaque strings.
 */
public interface DisclosureContract extends ContractPart {

  @Test
  default void viewsAndEventsSerializeOnlyTheirDocumentedFields() {
    Fixture f = Fixture.of(this);
    List<JsonNode> views = new ArrayList<>();
    GameView game = f.games.createGame(Fixture.spec("fields").capacity(3).minPlayers(2).rounds(2).build());
    String id = game.gameId();
    views.add(tree(game));
    JsonNode joined = tree(f.games.join(id, "alice", json("{\"avatar\":\"fox\"}")));
    assertThat(names(joined)).isSubsetOf(DocumentedFields.JOIN_FIELDS);
    views.add(joined.path("game"));
    f.games.join(id, "bob");
    f.advance(Fixture.LOBBY_TIMEOUT);
    views.add(tree(f.games.describe(id)));
    JsonNode receipt = tree(f.games.submitMove(id, "alice", 1, json("\"up\"")));
    assertThat(names(receipt)).isSubsetOf(DocumentedFields.RECEIPT_FIELDS);
    views.add(tree(f.games.describe(id)));
    f.advance(Fixture.ROUND_TIMEOUT);
    views.add(tree(f.games.leave(id, "bob")));
    views.add(tree(f.games.finish(id, json("{\"winner\":\"alice\"}"))));

    for (JsonNode view : views) {
      assertThat(names(view)).as("view %s", view).isSubsetOf(DocumentedFields.VIEW_FIELDS);
      assertThat(names(view.path("spec"))).as("spec %s", view).isSubsetOf(DocumentedFields.SPEC_FIELDS);
      view.path("players").forEach(p -> assertThat(names(p)).as("player %s", p).isSubsetOf(DocumentedFields.PLAYER_FIELDS));
    }
    Map<EventType, Set<String>> dataFields = new EnumMap<>(EventType.class);
    dataFields.put(EventType.GAME_CREATED, Set.of("spec"));
    dataFields.put(EventType.PLAYER_JOINED, Set.of("seat", "data"));
    dataFields.put(EventType.PLAYER_LEFT, Set.of("seat"));
    dataFields.put(EventType.GAME_STARTED, Set.of("players", "trigger"));
    dataFields.put(EventType.ROUND_OPENED, Set.of("deadline"));
    dataFields.put(EventType.MOVE_ACCEPTED, Set.of());
    dataFields.put(EventType.ROUND_CLOSED, Set.of("moves", "missing", "trigger"));
    dataFields.put(EventType.GAME_FINISHED, Set.of("result", "trigger"));
    dataFields.put(EventType.GAME_CANCELLED, Set.of("reason"));
    List<GameEvent> events = f.events(id);
    assertThat(events).extracting(GameEvent::type).contains(EventType.GAME_CREATED, EventType.PLAYER_JOINED,
        EventType.PLAYER_LEFT, EventType.GAME_STARTED, EventType.ROUND_OPENED, EventType.MOVE_ACCEPTED,
        EventType.ROUND_CLOSED, EventType.GAME_FINISHED);
    for (GameEvent event : events) {
      JsonNode node = tree(event);
      assertThat(names(node)).as("event %s", node).isSubsetOf(DocumentedFields.EVENT_FIELDS);
      assertThat(names(node.path("data"))).as("data of %s", node).isSubsetOf(dataFields.get(event.type()));
      if (event.type() == EventType.GAME_CREATED) {
        assertThat(names(node.path("data").path("spec"))).isSubsetOf(DocumentedFields.SPEC_FIELDS);
      }
    }
  }

  @Test
  default void errorsAndToStringsCarryNoOpaqueStrings() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("opaque", 2, "alice", "bob");
    String id = game.gameId();
    f.games.submitMove(id, "alice", 1, json("1"));
    List<ClixException> errors = new ArrayList<>();
    collect(errors, () -> f.games.join(id, "carol"));
    collect(errors, () -> f.games.submitMove(id, "alice", 1, json("2")));
    collect(errors, () -> f.games.submitMove(id, "alice", 2, json("2")));
    collect(errors, () -> f.games.submitMove(id, "zed", 1, json("2")));
    collect(errors, () -> f.games.finish(f.lobby("opaque-lobby", 3, 3).gameId(), null));
    collect(errors, () -> f.games.startNow(f.lobby("opaque-few", 3, 3).gameId()));
    collect(errors, () -> f.games.describe(Fixture.id("opaque-missing")));
    collect(errors, () -> f.games.createGame(Fixture.spec("x").gameId(id).build()));
    assertThat(errors).hasSize(8);

    List<String> texts = new ArrayList<>();
    errors.forEach(e -> {
      texts.add(e.getMessage());
      texts.add(e.toString());
    });
    texts.add(f.games.describe(id).toString());
    f.events(id).forEach(e -> texts.add(e.toString()));
    for (String text : texts) {
      assertThat(DocumentedFields.OPAQUE.matcher(text).find()).as("an opaque run in: %s", text)
          .isFalse();
    }
  }

  private static void collect(List<ClixException> errors, Runnable call) {
    try {
      call.run();
    } catch (ClixException e) {
      errors.add(e);
    }
  }

  private static JsonNode tree(Object value) {
    return json(Fixture.toJson(value));
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new java.util.TreeSet<>();
    if (node instanceof ObjectNode) {
      node.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }
}
