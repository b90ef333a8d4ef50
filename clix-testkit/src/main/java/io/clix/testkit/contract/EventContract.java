package io.clix.testkit.contract;

import static io.clix.core.EventType.GAME_CANCELLED;
import static io.clix.core.EventType.GAME_CREATED;
import static io.clix.core.EventType.GAME_FINISHED;
import static io.clix.core.EventType.GAME_STARTED;
import static io.clix.core.EventType.MOVE_ACCEPTED;
import static io.clix.core.EventType.PLAYER_JOINED;
import static io.clix.core.EventType.PLAYER_LEFT;
import static io.clix.core.EventType.ROUND_CLOSED;
import static io.clix.core.EventType.ROUND_OPENED;
import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.ClixJson;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Events: the whole story in order, sequence numbers without gaps, times from the clock, replay, what they reveal. */
public interface EventContract extends ContractPart {

  @Test
  default void eventsTellTheWholeStoryInOrder() {
    Fixture f = Fixture.of(this);
    GameView game = f.games.createGame(Fixture.spec("story").capacity(3).minPlayers(2).rounds(2).build());
    String id = game.gameId();
    f.games.join(id, "alice");
    f.games.join(id, "bob");
    f.games.leave(id, "bob");
    f.games.join(id, "bob");
    f.games.join(id, "carol");
    f.games.submitMove(id, "alice", 1, json("1"));
    f.games.submitMove(id, "bob", 1, json("2"));
    f.games.submitMove(id, "carol", 1, json("3"));
    f.games.submitMove(id, "bob", 2, json("4"));
    f.advance(Fixture.ROUND_TIMEOUT);

    assertThat(f.types(id)).containsExactly(
        GAME_CREATED, PLAYER_JOINED, PLAYER_JOINED, PLAYER_LEFT, PLAYER_JOINED, PLAYER_JOINED,
        GAME_STARTED, ROUND_OPENED,
        MOVE_ACCEPTED, MOVE_ACCEPTED, MOVE_ACCEPTED, ROUND_CLOSED, ROUND_OPENED,
        MOVE_ACCEPTED, ROUND_CLOSED, GAME_FINISHED);
    assertThat(f.events(id)).extracting(e -> e.playerId().orElse("-")).containsExactly(
        "-", "alice", "bob", "bob", "bob", "carol", "-", "-", "alice", "bob", "carol", "-", "-", "bob", "-", "-");
    assertThat(f.events(id)).extracting(e -> e.round().orElse(0)).containsExactly(
        0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 0);
    assertThat(f.events(id)).allSatisfy(e -> assertThat(e.gameId()).isEqualTo(id));
  }

  @Test
  default void sequencesRunFromOneWithoutGapsAndTheVersionIsTheLatest() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("sequence", 4, 2, "alice", "bob", "carol");
    String id = game.gameId();
    f.games.join(id, "alice");
    f.games.leave(id, "carol");
    f.advance(Fixture.LOBBY_TIMEOUT);
    f.games.submitMove(id, "alice", 1, json("\"x\""));
    f.games.submitMove(id, "alice", 1, json("\"x\""));
    f.games.leave(id, "bob");

    List<GameEvent> events = f.events(id);
    assertThat(events).extracting(GameEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().collect(Collectors.toList()));
    assertThat(f.games.describe(id).version()).isEqualTo(events.size());
  }

  @Test
  default void theVersionGrowsWithEveryChangeAndOnlyThen() {
    Fixture f = Fixture.of(this);
    GameView game = f.games.createGame(Fixture.spec("version").capacity(2).rounds(2).build());
    String id = game.gameId();
    long v1 = f.games.describe(id).version();
    long v2 = f.games.join(id, "alice").game().version();
    long v2again = f.games.join(id, "alice").game().version();
    long v3 = f.games.join(id, "bob").game().version();
    f.games.submitMove(id, "bob", 1, json("true"));
    long v4 = f.games.describe(id).version();
    f.games.submitMove(id, "bob", 1, json("true"));
    long v4again = f.games.describe(id).version();

    assertThat(v1).isEqualTo(1);
    assertThat(v2).isGreaterThan(v1).isEqualTo(v2again);
    assertThat(v3).isGreaterThan(v2);
    assertThat(v4).isGreaterThan(v3).isEqualTo(v4again);
    assertThat(v4).isEqualTo(f.events(id).get(f.events(id).size() - 1).sequence());
  }

  @Test
  default void eventTimesComeFromTheClock() {
    Fixture f = Fixture.of(this);
    Instant t0 = f.now();
    GameView game = f.games.createGame(Fixture.spec("times").capacity(2).build());
    String id = game.gameId();
    f.advance(Duration.ofSeconds(5));
    f.games.join(id, "alice");
    f.advance(Duration.ofSeconds(7));
    f.games.join(id, "bob");
    f.advance(Duration.ofSeconds(11));
    f.games.submitMove(id, "alice", 1, json("0"));

    assertThat(f.events(id)).extracting(GameEvent::type, GameEvent::time).containsExactly(
        org.assertj.core.groups.Tuple.tuple(GAME_CREATED, t0),
        org.assertj.core.groups.Tuple.tuple(PLAYER_JOINED, t0.plusSeconds(5)),
        org.assertj.core.groups.Tuple.tuple(PLAYER_JOINED, t0.plusSeconds(12)),
        org.assertj.core.groups.Tuple.tuple(GAME_STARTED, t0.plusSeconds(12)),
        org.assertj.core.groups.Tuple.tuple(ROUND_OPENED, t0.plusSeconds(12)),
        org.assertj.core.groups.Tuple.tuple(MOVE_ACCEPTED, t0.plusSeconds(23)));
    assertThat(f.only(id, ROUND_OPENED).data().path("deadline").asText())
        .isEqualTo(t0.plusSeconds(12).plus(Fixture.ROUND_TIMEOUT).toString());
  }

  @Test
  default void eventsAfterASequenceReplayTheRest() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("replay", 2, "alice", "bob");
    String id = game.gameId();
    f.games.submitMove(id, "alice", 1, json("[1,2]"));
    f.advance(Fixture.ROUND_TIMEOUT);

    List<GameEvent> all = f.events(id);
    assertThat(all).hasSizeGreaterThan(6);
    for (int after = 0; after <= all.size(); after++) {
      assertThat(f.games.events(id, after)).as("events after %d", after)
          .containsExactlyElementsOf(all.subList(after, all.size()));
    }
    assertThat(f.games.events(id, all.size() + 10L)).isEmpty();
  }

  @Test
  default void roundClosedRevealsEveryMoveAsSent() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("reveal", 1, "ann", "ben", "cat", "dan", "eve");
    String id = game.gameId();
    String[] moves = {"{\"play\":[\"7H\",\"8H\"],\"pass\":false}", "[1,2.5,\"three\",null]", "\"fold\"", "12345", "true"};
    String[] players = {"dan", "ann", "eve", "cat", "ben"};
    for (int i = 0; i < players.length; i++) {
      f.games.submitMove(id, players[i], 1, json(moves[i]));
    }

    GameEvent closed = f.only(id, ROUND_CLOSED);
    assertThat(closed.data().path("moves")).isEqualTo(json(
        "{\"dan\":" + moves[0] + ",\"ann\":" + moves[1] + ",\"eve\":" + moves[2]
            + ",\"cat\":" + moves[3] + ",\"ben\":" + moves[4] + "}"));
    assertThat(closed.data().path("missing")).isEqualTo(json("[]"));
  }

  @Test
  default void moveAcceptedNeverRevealsTheMove() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("hidden", 1, "alice", "bob");
    String id = game.gameId();

    f.games.submitMove(id, "alice", 1, json("{\"hand\":\"hidden-card-31337\"}"));

    GameEvent accepted = f.only(id, MOVE_ACCEPTED);
    assertThat(Fixture.toJson(accepted)).doesNotContain("hidden-card-31337");
    assertThat(accepted.toString()).doesNotContain("hidden-card-31337");
    f.games.submitMove(id, "bob", 1, json("{\"hand\":\"other\"}"));
    assertThat(Fixture.toJson(f.only(id, ROUND_CLOSED))).contains("hidden-card-31337");
  }

  @Test
  default void eventsOfOneGameNeverMixWithAnother() {
    Fixture f = Fixture.of(this);
    GameView a = f.games.createGame(Fixture.spec("left").capacity(2).build());
    GameView b = f.games.createGame(Fixture.spec("right").capacity(2).build());
    f.games.join(a.gameId(), "alice");
    f.games.join(b.gameId(), "alice");
    f.games.join(b.gameId(), "bob");
    f.games.submitMove(b.gameId(), "bob", 1, json("1"));

    assertThat(f.events(a.gameId())).allSatisfy(e -> assertThat(e.gameId()).isEqualTo(a.gameId()))
        .extracting(GameEvent::sequence).containsExactly(1L, 2L);
    assertThat(f.events(b.gameId())).allSatisfy(e -> assertThat(e.gameId()).isEqualTo(b.gameId()))
        .extracting(GameEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(f.games.describe(a.gameId()).status()).isEqualTo(io.clix.core.GameStatus.LOBBY);
  }

  @Test
  default void gameCreatedCarriesTheSpecAndRoundOpenedItsDeadline() throws Exception {
    Fixture f = Fixture.of(this);
    GameSpec spec = Fixture.spec("created").capacity(2).metadata(json("{\"mode\":\"blitz\"}")).build();
    String id = f.games.createGame(spec).gameId();
    f.games.join(id, "alice");
    f.games.join(id, "bob");

    GameEvent created = f.only(id, GAME_CREATED);
    assertThat(ClixJson.mapper().treeToValue(created.data().path("spec"), GameSpec.class)).isEqualTo(spec);
    GameEvent opened = f.only(id, ROUND_OPENED);
    assertThat(Instant.parse(opened.data().path("deadline").asText()))
        .isEqualTo(f.games.describe(id).roundDeadline().orElseThrow());
    f.games.cancel(id, "done for today");
    assertThat(f.only(id, GAME_CANCELLED).data().path("reason").asText()).isEqualTo("done for today");
    assertThat(f.types(id)).doesNotContain(GAME_FINISHED);
  }
}
