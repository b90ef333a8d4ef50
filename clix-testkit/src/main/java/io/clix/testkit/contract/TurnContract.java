package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.core.ClixJson;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.MoveReceipt;
import io.clix.core.NotYourTurnException;
import io.clix.core.PlayMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link PlayMode#TURNS}: one player at a time in seat order, a deadline per turn, the next turn as
 * soon as the current player moves, only that player may move, missed turns and leavers skipped,
 * the first seat rotating if asked, every turn deadline fired at its announced instant.
 */
public interface TurnContract extends ContractPart {

  /** The turn timeout of the fixture's TURNS games: differs from the lobby and round timeouts on purpose. */
  Duration TURN_TIMEOUT = Duration.ofSeconds(10);

  /** A running TURNS game whose lobby these players filled, in seat order. */
  private static GameView turns(Fixture f, String prefix, int rounds, boolean rotate, String... players) {
    GameSpec spec = Fixture.spec(prefix).capacity(players.length).minPlayers(1).rounds(rounds)
        .playMode(PlayMode.TURNS).turnTimeout(TURN_TIMEOUT).rotateFirstSeat(rotate).build();
    GameView game = f.games.createGame(spec);
    for (String p : players) {
      f.games.join(game.gameId(), p);
    }
    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.RUNNING);
    return view;
  }

  /** The players of the game's turn events of this type, in order. */
  private static List<String> players(Fixture f, String gameId, EventType type) {
    return f.eventsOf(gameId, type).stream().map(e -> e.playerId().orElseThrow()).collect(Collectors.toList());
  }

  @Test
  default void theFirstTurnOpensWithTheGameAndTheViewShowsWhoseTurnItIs() {
    Fixture f = Fixture.of(this);
    GameView game = turns(f, "turn-first", 2, false, "alice", "bob", "carol");

    Instant started = game.startedAt().orElseThrow();
    assertThat(game.currentRound()).isEqualTo(1);
    assertThat(game.turnPlayer()).contains("alice");
    assertThat(game.turnDeadline()).contains(started.plus(TURN_TIMEOUT));
    assertThat(game.roundDeadline()).as("a TURNS round has no deadline of its own").isEmpty();
    assertThat(game.spec().playMode()).isEqualTo(PlayMode.TURNS);
    assertThat(game.spec().turnTimeout()).isEqualTo(TURN_TIMEOUT);
    GameEvent opened = f.only(game.gameId(), EventType.TURN_OPENED);
    assertThat(opened.playerId()).contains("alice");
    assertThat(opened.round()).contains(1);
    assertThat(opened.time()).isEqualTo(started);
    assertThat(opened.data()).isEqualTo(json("{\"turn\":1,\"deadline\":\"" + started.plus(TURN_TIMEOUT) + "\"}"));
    GameEvent round = f.only(game.gameId(), EventType.ROUND_OPENED);
    assertThat(round.sequence()).isEqualTo(opened.sequence() - 1);
    assertThat(round.data()).isEqualTo(json("{}"));
  }

  @Test
  default void onlyThePlayerWhoseTurnItIsMayMoveAndARefusalWritesNothing() {
    Fixture f = Fixture.of(this);
    GameView game = turns(f, "turn-only", 1, false, "alice", "bob");

    NotYourTurnException e = catchThrowableOfType(NotYourTurnException.class,
        () -> f.games.submitMove(game.gameId(), "bob", 1, json("\"b\"")));

    assertThat(e).isNotNull();
    assertThat(e.currentPlayer()).isEqualTo("alice");
    assertThat(e.playerId()).isEqualTo("bob");
    assertThat(e.round()).isEqualTo(1);
    assertThat(e.gameId()).contains(game.gameId());
    assertThat(e.isRetryable()).isFalse();
    assertThat(f.games.describe(game.gameId())).isEqualTo(game);
  }

  @Test
  default void theNextTurnOpensAsSoonAsTheCurrentPlayerMoves() {
    Fixture f = Fixture.of(this);
    GameView game = turns(f, "turn-next", 2, false, "alice", "bob", "carol");
    f.advance(Duration.ofSeconds(3));

    MoveReceipt receipt = f.games.submitMove(game.gameId(), "alice", 1, json("\"a\""));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.turnPlayer()).contains("bob");
    assertThat(view.turnDeadline()).contains(f.now().plus(TURN_TIMEOUT));
    assertThat(view.movedPlayers()).containsExactly("alice");
    GameEvent ended = f.only(game.gameId(), EventType.TURN_ENDED);
    assertThat(ended.playerId()).contains("alice");
    assertThat(ended.data()).isEqualTo(json("{\"turn\":1,\"trigger\":\"moved\"}"));
    assertThat(ended.sequence()).isEqualTo(receipt.sequence() + 1);
    GameEvent next = f.last(game.gameId(), EventType.TURN_OPENED);
    assertThat(next.playerId()).contains("bob");
    assertThat(next.data().path("turn").asInt()).isEqualTo(2);
    assertThat(next.sequence()).isEqualTo(ended.sequence() + 1);
    assertThat(f.games.submitMove(game.gameId(), "alice", 1, json("\"a\""))).as("a retry").isEqualTo(receipt);

    f.games.submitMove(game.gameId(), "bob", 1, json("\"b\""));
    f.games.submitMove(game.gameId(), "carol", 1, json("\"c\""));

    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.data().path("trigger").asText()).isEqualTo("allMoved");
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"alice\":\"a\",\"bob\":\"b\",\"carol\":\"c\"}"));
    GameView round2 = f.games.describe(game.gameId());
    assertThat(round2.currentRound()).isEqualTo(2);
    assertThat(round2.turnPlayer()).as("no rotation: the lowest seat starts every round").contains("alice");
    assertThat(players(f, game.gameId(), EventType.TURN_OPENED)).containsExactly("alice", "bob", "carol", "alice");
  }

  @Test
  default void aMissedTurnEndsAtItsDeadlineAndTheRoundClosesAfterItsLastTurn() {
    Fixture f = Fixture.of(this);
    GameView game = turns(f, "turn-miss", 1, false, "alice", "bob");
    Instant first = game.turnDeadline().orElseThrow();

    f.advance(TURN_TIMEOUT.minusSeconds(1));
    assertThat(f.games.describe(game.gameId()).turnPlayer()).as("a second before the deadline").contains("alice");
    f.advance(Duration.ofSeconds(1));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.turnPlayer()).contains("bob");
    assertThat(view.turnDeadline()).contains(first.plus(TURN_TIMEOUT));
    GameEvent missed = f.only(game.gameId(), EventType.TURN_ENDED);
    assertThat(missed.playerId()).contains("alice");
    assertThat(missed.time()).isEqualTo(first);
    assertThat(missed.data().path("trigger").asText()).isEqualTo("missed");

    f.games.submitMove(game.gameId(), "bob", 1, json("\"b\""));

    GameView done = f.games.describe(game.gameId());
    assertThat(done.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(done.turnPlayer()).isEmpty();
    assertThat(done.turnDeadline()).isEmpty();
    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.data().path("trigger").asText()).isEqualTo("turnsEnded");
    assertThat(closed.data().path("missing")).isEqualTo(json("[\"alice\"]"));
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"bob\":\"b\"}"));
  }

  @Test
  default void theFirstSeatRotatesEachRoundWhenTheSpecSaysSo() {
    Fixture f = Fixture.of(this);
    GameView game = turns(f, "turn-rotate", 3, true, "alice", "bob", "carol");

    for (int round = 1; round <= 3; round++) {
      String first = f.games.describe(game.gameId()).turnPlayer().orElseThrow();
      for (int turn = 0; turn < 3; turn++) {
        String player = f.games.describe(game.gameId()).turnPlayer().orElseThrow();
        f.games.submitMove(game.gameId(), player, round, json("\"" + player + "\""));
      }
      assertThat(first).as("round %s", round).isEqualTo(List.of("alice", "bob", "carol").get(round - 1));
    }

    assertThat(players(f, game.gameId(), EventType.TURN_OPENED))
        .containsExactly("alice", "bob", "carol", "bob", "carol", "alice", "carol", "alice", "bob");
    assertThat(f.games.describe(game.gameId()).status()).isEqualTo(GameStatus.FINISHED);
  }

  @Test
  default void aPlayerWhoLeftIsSkippedAndLeavingInOnesOwnTurnEndsIt() {
    Fixture f = Fixture.of(this);
    GameView game = turns(f, "turn-leave", 2, false, "alice", "bob", "carol", "dave");

    f.games.leave(game.gameId(), "bob");
    assertThat(f.games.describe(game.gameId()).turnPlayer()).as("another's leave keeps the turn").contains("alice");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));
    assertThat(f.games.describe(game.gameId()).turnPlayer()).as("bob is skipped").contains("carol");
    f.advance(Duration.ofSeconds(2));
    f.games.leave(game.gameId(), "carol");

    GameView view = f.games.describe(game.gameId());
    assertThat(view.turnPlayer()).contains("dave");
    assertThat(view.turnDeadline()).contains(f.now().plus(TURN_TIMEOUT));
    GameEvent left = f.last(game.gameId(), EventType.TURN_ENDED);
    assertThat(left.playerId()).contains("carol");
    assertThat(left.data().path("trigger").asText()).isEqualTo("left");

    f.games.submitMove(game.gameId(), "dave", 1, json("4"));

    GameView round2 = f.games.describe(game.gameId());
    assertThat(round2.currentRound()).isEqualTo(2);
    assertThat(f.last(game.gameId(), EventType.ROUND_CLOSED).data().path("trigger").asText()).isEqualTo("allMoved");
    assertThat(round2.turnPlayer()).contains("alice");
    f.games.submitMove(game.gameId(), "alice", 2, json("1"));
    assertThat(f.games.describe(game.gameId()).turnPlayer()).as("round 2 has only the active players").contains("dave");
  }

  @Test
  default void withNobodyMovingEveryTurnDeadlineFiresAtItsAnnouncedInstant() {
    Fixture f = Fixture.of(this);
    GameView game = turns(f, "turn-idle", 2, false, "alice", "bob");
    Instant start = game.startedAt().orElseThrow();

    f.advance(TURN_TIMEOUT.multipliedBy(4).plusSeconds(1));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(view.endedAt()).contains(start.plus(TURN_TIMEOUT.multipliedBy(4)));
    List<GameEvent> opened = f.eventsOf(game.gameId(), EventType.TURN_OPENED);
    List<GameEvent> ended = f.eventsOf(game.gameId(), EventType.TURN_ENDED);
    assertThat(opened).hasSize(4);
    assertThat(ended).hasSize(4);
    for (int i = 0; i < 4; i++) {
      assertThat(ended.get(i).time()).as("turn %s", i + 1)
          .isEqualTo(Instant.parse(opened.get(i).data().path("deadline").asText()));
      assertThat(ended.get(i).data().path("trigger").asText()).isEqualTo("missed");
    }
    assertThat(f.eventsOf(game.gameId(), EventType.ROUND_CLOSED))
        .allSatisfy(closed -> assertThat(closed.data().path("missing")).isEqualTo(json("[\"alice\",\"bob\"]")));
  }

  @Test
  default void aTurnsSpecReadsBackEqualAndASimultaneousGameShowsNoTurnFields() throws Exception {
    Fixture f = Fixture.of(this);
    GameView turns = turns(f, "turn-json", 1, true, "alice", "bob");
    GameView rounds = f.running("turn-json-simultaneous", 1, "alice", "bob");

    JsonNode turnsJson = ClixJson.mapper().valueToTree(f.games.describe(turns.gameId()));
    JsonNode roundsJson = ClixJson.mapper().valueToTree(f.games.describe(rounds.gameId()));

    assertThat(turnsJson.path("spec").path("playMode").asText()).isEqualTo("TURNS");
    assertThat(turnsJson.path("spec").path("rotateFirstSeat").asBoolean()).isTrue();
    assertThat(turnsJson.path("turnPlayer").asText()).isEqualTo("alice");
    assertThat(ClixJson.mapper().treeToValue(turnsJson, GameView.class)).isEqualTo(f.games.describe(turns.gameId()));
    assertThat(roundsJson.path("spec").has("playMode")).isFalse();
    assertThat(roundsJson.path("spec").has("turnTimeout")).isFalse();
    assertThat(roundsJson.has("turnPlayer")).isFalse();
    assertThat(roundsJson.has("turnDeadline")).isFalse();
    assertThat(f.games.describe(rounds.gameId()).spec().playMode()).isEqualTo(PlayMode.SIMULTANEOUS);
    assertThat(f.types(rounds.gameId())).doesNotContain(EventType.TURN_OPENED, EventType.TURN_ENDED);
  }
}
