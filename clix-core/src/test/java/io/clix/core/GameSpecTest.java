package io.clix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.InvalidRequestException.Violation;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GameSpecTest {

  private static InvalidGameSpecException invalid(UnaryOperator<GameSpec.Builder> edit) {
    InvalidGameSpecException e = catchThrowableOfType(InvalidGameSpecException.class,
        () -> edit.apply(GameSpec.builder()).build());
    assertThat(e).as("the spec is refused").isNotNull();
    return e;
  }

  private static void valid(UnaryOperator<GameSpec.Builder> edit) {
    edit.apply(GameSpec.builder()).build();
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    GameSpec spec = GameSpec.builder().build();
    assertThat(spec.gameId()).isEmpty();
    assertThat(spec.capacity()).isEqualTo(4);
    assertThat(spec.minPlayers()).isEqualTo(2);
    assertThat(spec.lobbyTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(spec.rounds()).isEqualTo(1);
    assertThat(spec.roundTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(spec.metadata()).isEqualTo(JsonNodeFactory.instance.objectNode());
  }

  @Test
  void theDefaultMinimumNeverExceedsTheCapacity() {
    assertThat(GameSpec.builder().capacity(1).build().minPlayers()).isEqualTo(1);
    assertThat(GameSpec.builder().capacity(9).build().minPlayers()).isEqualTo(2);
  }

  @Test
  void everyViolationIsListedInOneExceptionInFieldOrder() {
    ObjectNode big = JsonNodeFactory.instance.objectNode().put("blob", "x".repeat(Limits.MAX_METADATA_BYTES));
    InvalidGameSpecException e = invalid(b -> b.gameId("has space").capacity(65).minPlayers(0)
        .lobbyTimeout(Duration.ZERO).rounds(101).roundTimeout(Duration.ofDays(366)).metadata(big));

    assertThat(e.violations()).extracting(Violation::field)
        .containsExactly("gameId", "capacity", "minPlayers", "lobbyTimeout", "rounds", "roundTimeout", "metadata");
    assertThat(e.getMessage()).startsWith("invalid request: ");
    for (Violation v : e.violations()) {
      assertThat(e.getMessage()).contains(v.toString());
      assertThat(v.rule()).isNotBlank();
    }
    assertThat(e).isInstanceOf(InvalidRequestException.class).isInstanceOf(ClixException.class);
    assertThat(e.isRetryable()).isFalse();
    assertThat(e.gameId()).as("an invalid id is not echoed as the game's id").isEmpty();
  }

  @Test
  void aValidIdIsReportedWithTheViolations() {
    InvalidGameSpecException e = invalid(b -> b.gameId("table-1").rounds(0));
    assertThat(e.gameId()).contains("table-1");
    assertThat(e.violations()).containsExactly(new Violation("rounds", "must be between 1 and 100, was 0"));
  }

  @Test
  void gameIdMustBeANonEmptyExecutionNameOfAtMost80Characters() {
    valid(b -> b.gameId("a"));
    valid(b -> b.gameId("A-z_0-9"));
    valid(b -> b.gameId("x".repeat(80)));
    for (String bad : new String[] {"", "x".repeat(81), "a b", "a/b", "a.b", "a:b", "\u00e9t\u00e9", "a\tb"}) {
      assertThat(invalid(b -> b.gameId(bad)).violations()).as("id \"%s\"", bad)
          .extracting(Violation::field).containsExactly("gameId");
    }
  }

  @Test
  void capacityIsBetweenOneAndTheLimit() {
    valid(b -> b.capacity(1));
    valid(b -> b.capacity(Limits.MAX_CAPACITY).minPlayers(Limits.MAX_CAPACITY));
    assertThat(invalid(b -> b.capacity(Limits.MAX_CAPACITY + 1)).violations())
        .extracting(Violation::field).containsExactly("capacity");
    assertThat(invalid(b -> b.capacity(-3).minPlayers(1)).violations())
        .extracting(Violation::field).containsExactly("capacity");
  }

  @Test
  void minPlayersIsAtLeastOneAndAtMostTheCapacity() {
    valid(b -> b.capacity(3).minPlayers(3));
    valid(b -> b.capacity(3).minPlayers(1));
    assertThat(invalid(b -> b.capacity(3).minPlayers(4)).violations())
        .containsExactly(new Violation("minPlayers", "must not exceed capacity 3, was 4"));
    assertThat(invalid(b -> b.minPlayers(0)).violations()).extracting(Violation::field).containsExactly("minPlayers");
  }

  @Test
  void timeoutsAreWholeSecondsFromOneSecondToAYear() {
    valid(b -> b.lobbyTimeout(Duration.ofSeconds(1)).roundTimeout(Duration.ofDays(363)));
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-5), Duration.ofMillis(999),
        Duration.ofMillis(1500), Duration.ofDays(365).plusSeconds(1)}) {
      assertThat(invalid(b -> b.lobbyTimeout(bad)).violations()).as("lobby %s", bad)
          .extracting(Violation::field).containsExactly("lobbyTimeout");
      assertThat(invalid(b -> b.roundTimeout(bad)).violations()).as("round %s", bad)
          .extracting(Violation::field).containsExactly("roundTimeout");
    }
  }

  @Test
  void aGameMustFitInOneStandardExecution() {
    valid(b -> b.lobbyTimeout(Duration.ofDays(4)).rounds(10).roundTimeout(Duration.ofDays(36)));
    InvalidGameSpecException e = invalid(b -> b.lobbyTimeout(Duration.ofDays(4)).rounds(10)
        .roundTimeout(Duration.ofDays(36).plusSeconds(1)));
    assertThat(e.violations()).extracting(Violation::field).containsExactly("roundTimeout");
    assertThat(e.violations().get(0).rule()).contains("lobbyTimeout + rounds × roundTimeout", "364 days", "year");
    assertThat(invalid(b -> b.lobbyTimeout(Duration.ofSeconds(1)).roundTimeout(Duration.ofDays(365))).violations())
        .extracting(Violation::field).containsExactly("roundTimeout");
    valid(b -> b.rounds(Limits.MAX_ROUNDS).roundTimeout(Duration.ofDays(3)));
    assertThat((Limits.MAX_ROUNDS + 1L) * Limits.MAX_HISTORY_EVENTS_PER_WAIT + 20)
        .as("the most rounds keep the history within its limit").isLessThanOrEqualTo(Limits.MAX_HISTORY_EVENTS);
  }

  @Test
  void roundsAreBetweenOneAndTheLimit() {
    valid(b -> b.rounds(Limits.MAX_ROUNDS));
    assertThat(invalid(b -> b.rounds(0)).violations()).extracting(Violation::field).containsExactly("rounds");
    assertThat(invalid(b -> b.rounds(Limits.MAX_ROUNDS + 1)).violations())
        .extracting(Violation::field).containsExactly("rounds");
  }

  @Test
  void metadataIsABoundedJsonObject() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    // {"k":"..."} is 8 bytes around the value: this one is exactly at the limit.
    valid(b -> b.metadata(json.objectNode().put("k", "x".repeat(Limits.MAX_METADATA_BYTES - 8))));
    assertThat(invalid(b -> b.metadata(json.objectNode().put("k", "x".repeat(Limits.MAX_METADATA_BYTES - 7))))
        .violations()).extracting(Violation::field).containsExactly("metadata");
    assertThat(invalid(b -> b.metadata(json.arrayNode())).violations())
        .containsExactly(new Violation("metadata", "must be a JSON object"));
    assertThat(invalid(b -> b.metadata(json.textNode("x"))).violations()).extracting(Violation::field)
        .containsExactly("metadata");
  }

  @Test
  void specsWithTheSameValuesAreEqual() {
    GameSpec a = GameSpec.builder().gameId("g").capacity(3)
        .metadata(JsonNodeFactory.instance.objectNode().put("a", 1).put("b", 2)).build();
    GameSpec b = GameSpec.builder().gameId("g").capacity(3)
        .metadata(JsonNodeFactory.instance.objectNode().put("b", 2).put("a", 1)).build();
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(GameSpec.builder().from(a).rounds(2).build());
  }

  @Test
  void aTurnsSpecRoundTripsAndASimultaneousSpecWritesNoTurnFields() throws Exception {
    GameSpec turns = GameSpec.builder().capacity(2).playMode(PlayMode.TURNS).turnTimeout(Duration.ofSeconds(15))
        .rotateFirstSeat(true).rounds(3).build();
    GameSpec simultaneous = GameSpec.builder().turnTimeout(Duration.ofSeconds(15)).rotateFirstSeat(true).build();

    String turnsJson = ClixJson.mapper().writeValueAsString(turns);
    String simultaneousJson = ClixJson.mapper().writeValueAsString(simultaneous);

    assertThat(turnsJson).contains("\"roundTimeout\":\"PT1M\",\"playMode\":\"TURNS\",\"turnTimeout\":\"PT15S\","
        + "\"rotateFirstSeat\":true,\"metadata\":{}");
    assertThat(ClixJson.mapper().readValue(turnsJson, GameSpec.class)).isEqualTo(turns);
    assertThat(simultaneousJson).isEqualTo("{\"gameId\":null,\"capacity\":4,\"minPlayers\":2,\"lobbyTimeout\":\"PT1M\","
        + "\"rounds\":1,\"roundTimeout\":\"PT1M\",\"metadata\":{}}");
    assertThat(simultaneous).as("a SIMULTANEOUS spec keeps the turn options at their defaults")
        .isEqualTo(GameSpec.builder().build());
    assertThat(simultaneous.playMode()).isEqualTo(PlayMode.SIMULTANEOUS);
    assertThat(turns.toBuilder().build()).isEqualTo(turns);
    assertThat(turns.toBuilder().playMode(PlayMode.SIMULTANEOUS).build()).isEqualTo(GameSpec.builder().capacity(2)
        .rounds(3).build());
  }

  @Test
  void aTurnsSpecCountsEveryTurnAgainstTheExecutionsHistory() {
    valid(b -> b.playMode(PlayMode.TURNS).capacity(4).rounds(25).lobbyTimeout(Duration.ofSeconds(10)));
    valid(b -> b.playMode(PlayMode.TURNS).capacity(2).rounds(Limits.MAX_TURNS / 2));
    InvalidGameSpecException tooMany = invalid(b -> b.playMode(PlayMode.TURNS).capacity(4).rounds(26));
    InvalidGameSpecException longLobby = invalid(b -> b.playMode(PlayMode.TURNS).capacity(4).rounds(25)
        .lobbyTimeout(Duration.ofHours(1)).turnTimeout(Duration.ofSeconds(30)));
    InvalidGameSpecException tooLong = invalid(b -> b.playMode(PlayMode.TURNS).capacity(4).rounds(2)
        .turnTimeout(Duration.ofDays(50)));
    InvalidGameSpecException badTimeout = invalid(b -> b.playMode(PlayMode.TURNS).turnTimeout(Duration.ofMillis(1500)));
    InvalidGameSpecException noMode = invalid(b -> b.playMode(null));

    assertThat(tooMany.violations()).extracting(Violation::field).containsExactly("rounds");
    assertThat(tooMany.getMessage()).contains("rounds × capacity + 1").contains("25220");
    assertThat(longLobby.violations()).extracting(Violation::field).containsExactly("lobbyTimeout");
    assertThat(tooLong.violations()).extracting(Violation::field).containsExactly("turnTimeout");
    assertThat(badTimeout.violations()).extracting(Violation::field).containsExactly("turnTimeout");
    assertThat(noMode.violations()).extracting(Violation::field).containsExactly("playMode");
    valid(b -> b.rounds(100).turnTimeout(null)); // SIMULTANEOUS: the turn options are not checked
  }

  @Test
  void aMissPolicyIsCheckedWithItsSpec() {
    InvalidGameSpecException policy = catchThrowableOfType(InvalidGameSpecException.class,
        () -> MissPolicy.builder().forfeitAfter(-1).timeoutAfterMiss(Duration.ofMillis(10))
            .defaultMove(JsonNodeFactory.instance.nullNode()).whenTooFew(null).build());
    InvalidGameSpecException notTurns = invalid(b -> b.missPolicy(MissPolicy.builder()
        .timeoutAfterMiss(Duration.ofSeconds(5)).build()));
    InvalidGameSpecException longer = invalid(b -> b.playMode(PlayMode.TURNS).turnTimeout(Duration.ofSeconds(5))
        .missPolicy(MissPolicy.builder().timeoutAfterMiss(Duration.ofSeconds(6)).build()));
    InvalidGameSpecException none = invalid(b -> b.missPolicy(null));

    assertThat(policy.violations()).extracting(Violation::field).containsExactly("missPolicy.defaultMove",
        "missPolicy.forfeitAfter", "missPolicy.timeoutAfterMiss", "missPolicy.whenTooFew");
    assertThat(notTurns.violations()).extracting(Violation::field).containsExactly("missPolicy.timeoutAfterMiss");
    assertThat(longer.violations()).extracting(Violation::field).containsExactly("missPolicy.timeoutAfterMiss");
    assertThat(none.violations()).extracting(Violation::field).containsExactly("missPolicy");
    assertThat(GameSpec.builder().build().missPolicy()).isEqualTo(MissPolicy.defaults());
    assertThat(MissPolicy.defaults().toBuilder().build()).isEqualTo(MissPolicy.defaults());
  }
}
