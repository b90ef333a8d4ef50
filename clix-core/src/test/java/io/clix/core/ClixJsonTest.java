package io.clix.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClixJsonTest {

  private static final ObjectMapper MAPPER = ClixJson.mapper();
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  static JsonNode json(String text) throws Exception {
    return MAPPER.readTree(text);
  }

  private static <T> T roundTrip(T value, Class<? super T> type) throws Exception {
    String text = MAPPER.writeValueAsString(value);
    @SuppressWarnings("unchecked")
    T back = (T) MAPPER.readValue(text, type);
    assertThat(back).as(text).isEqualTo(value);
    assertThat(MAPPER.writeValueAsString(back)).isEqualTo(text);
    return back;
  }

  static GameSpec spec() throws Exception {
    return GameSpec.builder().gameId("table-9").capacity(3).minPlayers(2).lobbyTimeout(Duration.ofSeconds(20))
        .rounds(4).roundTimeout(Duration.ofMinutes(2)).metadata(json("{\"map\":\"desert\",\"ranks\":[1,2]}"))
        .build();
  }

  static Player player(String id, int seat, boolean active) throws Exception {
    return Player.builder().playerId(id).seat(seat).joinedAt(T0.plusSeconds(seat))
        .data(seat == 1 ? Optional.of(json("{\"avatar\":\"fox\"}")) : Optional.empty()).active(active).build();
  }

  @Test
  void specRoundTripsWithDurationsAsIsoStrings() throws Exception {
    GameSpec spec = spec();
    roundTrip(spec, GameSpec.class);
    JsonNode tree = MAPPER.valueToTree(spec);
    assertThat(tree.path("lobbyTimeout").asText()).isEqualTo("PT20S");
    assertThat(tree.path("roundTimeout").asText()).isEqualTo("PT2M");
    assertThat(tree.path("gameId").asText()).isEqualTo("table-9");
    roundTrip(GameSpec.builder().build(), GameSpec.class);
  }

  @Test
  void aSpecReadFromJsonIsValidatedAndDefaulted() throws Exception {
    GameSpec spec = MAPPER.readValue("{\"capacity\":6}", GameSpec.class);
    assertThat(spec.capacity()).isEqualTo(6);
    assertThat(spec.minPlayers()).isEqualTo(2);
    assertThat(spec.gameId()).isEmpty();
    Throwable e = org.assertj.core.api.Assertions.catchThrowable(
        () -> MAPPER.readValue("{\"capacity\":0,\"rounds\":0}", GameSpec.class));
    Throwable root = e;
    while (root.getCause() != null && !(root instanceof InvalidGameSpecException)) {
      root = root.getCause();
    }
    assertThat(root).isInstanceOf(InvalidGameSpecException.class);
  }

  @Test
  void playerRoundTrips() throws Exception {
    roundTrip(player("alice", 1, true), Player.class);
    Player gone = roundTrip(player("bob", 2, false), Player.class);
    assertThat(gone.data()).isEmpty();
    assertThat(gone.active()).isFalse();
    assertThat(MAPPER.valueToTree(player("bob", 2, true)).path("joinedAt").asText()).isEqualTo("2026-03-01T12:00:02Z");
  }

  static GameView fullView() throws Exception {
    return GameView.builder().gameId("table-9").spec(spec()).status(GameStatus.FINISHED)
        .players(List.of(player("alice", 1, true), player("bob", 2, false)))
        .currentRound(3).roundDeadline(T0.plusSeconds(90)).movedPlayers(List.of("alice"))
        .lobbyDeadline(T0.plusSeconds(20)).createdAt(T0).startedAt(T0.plusSeconds(5)).endedAt(T0.plusSeconds(99))
        .result(json("{\"winner\":\"alice\"}")).cancelReason("none").version(42).build();
  }

  @Test
  void viewRoundTripsFullAndEmpty() throws Exception {
    GameView full = roundTrip(fullView(), GameView.class);
    assertThat(full.activePlayerIds()).containsExactly("alice");
    GameView lobby = GameView.builder().gameId("g").spec(GameSpec.builder().gameId("g").build())
        .status(GameStatus.LOBBY).createdAt(T0).version(1).build();
    GameView back = roundTrip(lobby, GameView.class);
    assertThat(back.roundDeadline()).isEmpty();
    assertThat(back.result()).isEmpty();
    assertThat(back.currentRound()).isZero();
    assertThat(MAPPER.valueToTree(lobby).has("activePlayerIds")).as("derived, not serialized").isFalse();
  }

  @Test
  void joinResultRoundTrips() throws Exception {
    JoinResult join = JoinResult.builder().playerId("alice").seat(1).game(fullView()).build();
    JoinResult back = roundTrip(join, JoinResult.class);
    assertThat(back.roster()).isEqualTo(fullView().players());
  }

  @Test
  void moveReceiptRoundTripsWithAnyJsonMove() throws Exception {
    for (String move : new String[] {"{\"card\":\"7H\"}", "[1,2,3]", "\"fold\"", "12", "true", "1.5"}) {
      roundTrip(MoveReceipt.builder().gameId("g").playerId("p").round(2).move(json(move))
          .acceptedAt(T0).sequence(17).build(), MoveReceipt.class);
    }
  }

  @Test
  void eventRoundTripsForEveryType() throws Exception {
    for (EventType type : EventType.values()) {
      GameEvent event = GameEvent.builder().gameId("g").sequence(type.ordinal() + 1L).time(T0).type(type)
          .playerId(type == EventType.PLAYER_JOINED ? Optional.of("alice") : Optional.empty())
          .round(type == EventType.ROUND_CLOSED ? Optional.of(3) : Optional.empty())
          .data(json("{\"moves\":{\"alice\":[1]},\"missing\":[\"bob\"]}")).build();
      GameEvent back = roundTrip(event, GameEvent.class);
      assertThat(back.type()).isEqualTo(type);
      assertThat(MAPPER.valueToTree(event).path("type").asText()).isEqualTo(type.name());
    }
    GameEvent bare = GameEvent.builder().gameId("g").sequence(1).time(T0).type(EventType.GAME_CREATED).build();
    assertThat(roundTrip(bare, GameEvent.class).data()).isEqualTo(json("{}"));
  }

  @Test
  void unknownFieldsAreIgnoredSoOlderReadersKeepWorking() throws Exception {
    GameEvent event = MAPPER.readValue("{\"gameId\":\"g\",\"sequence\":3,\"time\":\"2026-03-01T12:00:00Z\","
        + "\"type\":\"MOVE_ACCEPTED\",\"playerId\":\"p\",\"round\":1,\"addedLater\":true}", GameEvent.class);
    assertThat(event.round()).contains(1);
    assertThat(event.time()).isEqualTo(T0);
  }

  @Test
  void newMapperIsIndependentOfTheSharedOne() {
    assertThat(ClixJson.newMapper()).isNotSameAs(ClixJson.mapper()).isNotSameAs(ClixJson.newMapper());
    assertThat(ClixJson.mapper()).isSameAs(ClixJson.mapper());
  }

  @Test
  void numbersReadExactlyAndTheCanonicalFormKeepsTheirText() throws Exception {
    JsonNode exact = json("{\"a\":0.10,\"b\":1e400,\"c\":1E-400,\"d\":12345678901234567890123,\"e\":0.000}");
    assertThat(MAPPER.writeValueAsString(exact))
        .isEqualTo("{\"a\":0.10,\"b\":1E+400,\"c\":1E-400,\"d\":12345678901234567890123,\"e\":0.000}");
    assertThat(ClixJson.canonical(exact)).isEqualTo(exact);
    JsonNode built = MAPPER.createObjectNode().put("f", 1.1f).put("d", 0.1).put("l", 5L);
    JsonNode canonical = ClixJson.canonical(built);
    assertThat(MAPPER.writeValueAsString(canonical)).isEqualTo(MAPPER.writeValueAsString(built))
        .isEqualTo("{\"f\":1.1,\"d\":0.1,\"l\":5}");
    assertThat(ClixJson.canonical(canonical)).isEqualTo(canonical);
    assertThat(ClixJson.canonical(null)).isNull();
  }

  @Test
  void aDecimalOfScaleZeroStaysADecimal() throws Exception {
    JsonNode read = json("[2.5E+1, 25, 7E0]");
    assertThat(MAPPER.writeValueAsString(read)).isEqualTo("[25E0,25,7E0]");
    assertThat(ClixJson.canonical(read)).isEqualTo(read);
    assertThat(ClixJson.canonical(read).get(0).isBigDecimal()).isTrue();
    assertThat(ClixJson.canonical(read).get(1).isInt()).isTrue();
  }

  @Test
  void aSpecKeepsItsMetadataInCanonicalForm() throws Exception {
    GameSpec spec = GameSpec.builder().metadata(MAPPER.createObjectNode().put("d", 0.1)).build();
    assertThat(spec.metadata()).isEqualTo(json("{\"d\":0.1}"));
    assertThat(roundTrip(spec, GameSpec.class)).isEqualTo(spec);
  }
}
