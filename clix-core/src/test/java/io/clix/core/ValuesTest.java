package io.clix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clix.core.InvalidRequestException.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The public values are immutable, JSON round-trips them unchanged, and their builders name what is missing. */
class ValuesTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Instant T = Instant.parse("2026-01-02T03:04:05.678Z");

  private static GameSpec spec() {
    return GameSpec.builder().gameId("g1").capacity(3).minPlayers(2).lobbyTimeout(Duration.ofSeconds(20)).rounds(2)
        .roundTimeout(Duration.ofSeconds(30)).metadata(JSON.objectNode().put("b", 0.10).put("a", 1)).build();
  }

  private static Player player() {
    return Player.builder().playerId("p1").seat(1).joinedAt(T).data(JSON.objectNode().put("n", "x")).build();
  }

  private static GameView view() {
    return GameView.builder().gameId("g1").spec(spec()).status(GameStatus.RUNNING).addPlayers(player(),
            Player.builder().playerId("p2").seat(2).joinedAt(T).active(false).build())
        .currentRound(1).roundDeadline(T).addMovedPlayers("p1").createdAt(T).startedAt(T).version(7).build();
  }

  private static GameView ended() {
    return GameView.builder().gameId("g1").spec(GameSpec.builder().build()).status(GameStatus.FINISHED)
        .createdAt(T).endedAt(T).result(JSON.arrayNode().add(1)).cancelReason("why").lobbyDeadline(T).version(9)
        .build();
  }

  private static GameEvent event() {
    return GameEvent.builder().gameId("g1").sequence(3).time(T).type(EventType.MOVE_ACCEPTED).playerId("p1").round(1)
        .data(JSON.objectNode().put("k", true)).build();
  }

  private static MoveReceipt receipt() {
    return MoveReceipt.builder().gameId("g1").playerId("p1").round(1).move(JSON.objectNode().put("hand", "rock"))
        .acceptedAt(T).sequence(4).build();
  }

  private static List<Object> samples() {
    return List.of(spec(), GameSpec.builder().build(), player(),
        Player.builder().playerId("p2").seat(2).joinedAt(T).active(false).build(), view(), ended(), event(),
        GameEvent.builder().gameId("g1").sequence(1).time(T).type(EventType.GAME_CREATED).build(), receipt(),
        JoinResult.builder().playerId("p1").seat(1).game(view()).build());
  }

  @Test
  void whatAnAccessorReturnsCanBeChangedWithoutChangingTheValue() {
    GameSpec spec = spec();
    ((ObjectNode) spec.metadata()).put("x", 1).remove("a");
    assertThat(spec.metadata()).isEqualTo(ClixJson.canonical(JSON.objectNode().put("b", 0.1).put("a", 1)))
        .isNotSameAs(spec.metadata());
    assertThat(spec).isEqualTo(spec());

    GameEvent event = event();
    ((ObjectNode) event.data()).put("k", false);
    assertThat(event).isEqualTo(event());

    MoveReceipt receipt = receipt();
    ((ObjectNode) receipt.move()).put("hand", "paper");
    assertThat(receipt.move().get("hand").asText()).isEqualTo("rock");
    assertThat(receipt).isEqualTo(receipt());

    Player player = player();
    ((ObjectNode) player.data().orElseThrow()).put("n", "y");
    assertThat(player).isEqualTo(player());

    GameView view = ended();
    ((ArrayNode) view.result().orElseThrow()).add(2);
    assertThat(view).isEqualTo(ended());
    ((ObjectNode) view.spec().metadata()).put("x", 1);
    assertThat(view).isEqualTo(ended());

    GameView running = view();
    ((ObjectNode) running.players().get(0).data().orElseThrow()).put("n", "y");
    assertThat(running).isEqualTo(view());
    assertThatThrownBy(() -> running.players().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> running.movedPlayers().add("p2")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void changingTheNodeGivenToABuilderChangesNoValueBuilt() {
    ObjectNode metadata = JSON.objectNode().put("a", 1);
    ObjectNode data = JSON.objectNode().put("a", 1);
    ObjectNode move = JSON.objectNode().put("a", 1);
    ArrayNode result = JSON.arrayNode().add(1);
    GameSpec spec = GameSpec.builder().metadata(metadata).build();
    GameEvent event = GameEvent.builder().gameId("g").sequence(1).time(T).type(EventType.GAME_CREATED).data(data)
        .build();
    Player player = Player.builder().playerId("p").seat(1).joinedAt(T).data(data).build();
    MoveReceipt receipt = MoveReceipt.builder().gameId("g").playerId("p").round(1).move(move).acceptedAt(T)
        .sequence(2).build();
    GameView view = GameView.builder().gameId("g").spec(spec).status(GameStatus.FINISHED).createdAt(T)
        .result(result).version(3).build();

    metadata.put("b", 2);
    data.put("b", 2);
    move.put("b", 2);
    result.add(2);

    ObjectNode one = JSON.objectNode().put("a", 1);
    assertThat(spec.metadata()).isEqualTo(one);
    assertThat(event.data()).isEqualTo(one);
    assertThat(player.data()).contains(one);
    assertThat(receipt.move()).isEqualTo(one);
    assertThat(view.result()).contains(JSON.arrayNode().add(1));
  }

  @Test
  void jsonRoundTripsEveryValueToAnEqualOne() throws Exception {
    ObjectMapper plain = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule());
    for (Object value : samples()) {
      for (ObjectMapper mapper : List.of(ClixJson.mapper(), plain)) {
        String text = mapper.writeValueAsString(value);
        Object back = mapper.readValue(text, value.getClass());
        assertThat(back).as(text).isEqualTo(value).hasSameHashCodeAs(value);
        assertThat(back.toString()).isEqualTo(value.toString());
        assertThat(mapper.writeValueAsString(back)).isEqualTo(text);
      }
    }
  }

  @Test
  void jsonAndToStringKeepTheirShape() throws Exception {
    assertThat(ClixJson.mapper().writeValueAsString(GameSpec.builder().build())).isEqualTo("{\"gameId\":null,"
        + "\"capacity\":4,\"minPlayers\":2,\"lobbyTimeout\":\"PT1M\",\"rounds\":1,\"roundTimeout\":\"PT1M\",\"metadata\":{}}");
    assertThat(ClixJson.mapper().writeValueAsString(ended())).isEqualTo("{\"gameId\":\"g1\",\"spec\":{\"gameId\":null,"
        + "\"capacity\":4,\"minPlayers\":2,\"lobbyTimeout\":\"PT1M\",\"rounds\":1,\"roundTimeout\":\"PT1M\","
        + "\"metadata\":{}},\"status\":\"FINISHED\",\"players\":[],\"currentRound\":0,\"roundDeadline\":null,"
        + "\"movedPlayers\":[],\"lobbyDeadline\":\"2026-01-02T03:04:05.678Z\",\"createdAt\":\"2026-01-02T03:04:05.678Z\","
        + "\"startedAt\":null,\"endedAt\":\"2026-01-02T03:04:05.678Z\",\"result\":[1],\"cancelReason\":\"why\","
        + "\"version\":9}");
    assertThat(ClixJson.mapper().writeValueAsString(player())).isEqualTo(
        "{\"playerId\":\"p1\",\"seat\":1,\"data\":{\"n\":\"x\"},\"joinedAt\":\"2026-01-02T03:04:05.678Z\",\"active\":true}");
    assertThat(ClixJson.mapper().writeValueAsString(event())).isEqualTo("{\"gameId\":\"g1\",\"sequence\":3,"
        + "\"time\":\"2026-01-02T03:04:05.678Z\",\"type\":\"MOVE_ACCEPTED\",\"playerId\":\"p1\",\"round\":1,"
        + "\"data\":{\"k\":true}}");
    assertThat(view().toString()).isEqualTo("GameView{gameId=g1, spec=GameSpec{gameId=g1, capacity=3, minPlayers=2,"
        + " lobbyTimeout=PT20S, rounds=2, roundTimeout=PT30S, metadata={\"b\":0.1,\"a\":1}}, status=RUNNING,"
        + " players=[Player{playerId=p1, seat=1, data={\"n\":\"x\"}, joinedAt=2026-01-02T03:04:05.678Z, active=true},"
        + " Player{playerId=p2, seat=2, joinedAt=2026-01-02T03:04:05.678Z, active=false}], currentRound=1,"
        + " roundDeadline=2026-01-02T03:04:05.678Z, movedPlayers=[p1], createdAt=2026-01-02T03:04:05.678Z,"
        + " startedAt=2026-01-02T03:04:05.678Z, version=7, activePlayerIds=[p1]}");
    assertThat(receipt().toString()).isEqualTo("MoveReceipt{gameId=g1, playerId=p1, round=1, move={\"hand\":\"rock\"},"
        + " acceptedAt=2026-01-02T03:04:05.678Z, sequence=4}");
  }

  @Test
  void jsonNullDataOrResultIsNoneAndMissingPropertiesTakeTheirDefaults() throws Exception {
    ObjectMapper mapper = ClixJson.mapper();
    Player p = mapper.readValue("{\"playerId\":\"p\",\"seat\":1,\"data\":null,\"joinedAt\":\"2026-01-02T03:04:05.678Z\"}",
        Player.class);
    assertThat(p.data()).isEmpty();
    assertThat(p.active()).isTrue();
    GameView v = mapper.readValue(mapper.writeValueAsString(ended()).replace("[1]", "null"), GameView.class);
    assertThat(v.result()).isEmpty();
    assertThat(mapper.readValue("{\"gameId\":\"g\",\"capacity\":1}", GameSpec.class))
        .isEqualTo(GameSpec.builder().gameId("g").capacity(1).build());
    assertThat(Player.builder().playerId("p").seat(1).joinedAt(T).data(JSON.nullNode()).build().data()).isEmpty();
  }

  @Test
  void aSpecReadFromJsonIsHeldToTheBuildersRules() {
    Throwable e = catchThrowableOfType(Exception.class,
        () -> ClixJson.mapper().readValue("{\"gameId\":\"g\",\"capacity\":0}", GameSpec.class));
    assertThat(e).hasRootCauseInstanceOf(InvalidGameSpecException.class);
    assertThat(e.getCause()).isInstanceOf(InvalidGameSpecException.class);
    assertThat(((InvalidGameSpecException) e.getCause()).violations()).extracting(Violation::field)
        .contains("capacity");
  }

  @Test
  void aSpecFieldGivenNullIsATypedViolationNamingIt() {
    List<String> fields = new ArrayList<>();
    for (Runnable call : List.<Runnable>of(
        () -> GameSpec.builder().lobbyTimeout(null).build(),
        () -> GameSpec.builder().roundTimeout(null).build(),
        () -> GameSpec.builder().metadata(null).build(),
        () -> GameSpec.builder().gameId((String) null).build(),
        () -> GameSpec.builder().gameId((Optional<String>) null).build())) {
      InvalidGameSpecException e = catchThrowableOfType(InvalidGameSpecException.class, call::run);
      assertThat(e).isNotNull();
      assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.rule()).startsWith("must not be null"));
      fields.add(e.violations().get(0).field());
    }
    assertThat(fields).containsExactly("lobbyTimeout", "roundTimeout", "metadata", "gameId", "gameId");
    InvalidGameSpecException all = catchThrowableOfType(InvalidGameSpecException.class,
        () -> GameSpec.builder().gameId((String) null).lobbyTimeout(null).metadata(null).capacity(65).build());
    assertThat(all.violations()).extracting(Violation::field)
        .containsExactly("gameId", "capacity", "lobbyTimeout", "metadata");
    assertThat(GameSpec.builder().gameId((String) null).gameId(Optional.empty()).build().gameId()).isEmpty();
  }

  @Test
  void theOtherBuildersNameEveryAttributeMissingOrGivenNull() {
    assertThatThrownBy(() -> GameEvent.builder().gameId("g").time(null).playerId((String) null).data(null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot build GameEvent: sequence, time, type, playerId, data must be set and not null");
    assertThatThrownBy(() -> MoveReceipt.builder().move(null).build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContainingAll("MoveReceipt", "gameId", "playerId", "round", "move", "acceptedAt", "sequence");
    assertThatThrownBy(() -> Player.builder().playerId("p").seat(1).joinedAt(T).data((Optional<JsonNode>) null)
        .build()).isInstanceOf(IllegalStateException.class).hasMessage("Cannot build Player: data must be set and not null");
    assertThatThrownBy(() -> JoinResult.builder().playerId("p").seat(1).game(null).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("game");
    assertThatThrownBy(() -> view().toBuilder().addPlayers((Player) null).result((JsonNode) null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot build GameView: result, players must be set and not null");
    assertThat(view().toBuilder().cancelReason((String) null).cancelReason(Optional.of("x")).build().cancelReason())
        .contains("x");
  }

  @Test
  void toBuilderCopiesEveryAttribute() {
    for (Object value : samples()) {
      Object copy;
      if (value instanceof GameSpec v) {
        copy = v.toBuilder().build();
      } else if (value instanceof Player v) {
        copy = v.toBuilder().build();
      } else if (value instanceof GameView v) {
        copy = v.toBuilder().build();
      } else if (value instanceof GameEvent v) {
        copy = v.toBuilder().build();
      } else if (value instanceof MoveReceipt v) {
        copy = v.toBuilder().build();
      } else {
        copy = ((JoinResult) value).toBuilder().build();
      }
      assertThat(copy).isEqualTo(value).hasToString(value.toString());
    }
  }
}
