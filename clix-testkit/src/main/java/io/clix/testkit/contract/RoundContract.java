package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.core.DuplicateMoveException;
import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameStateException;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.InvalidRequestException;
import io.clix.core.InvalidRequestException.Violation;
import io.clix.core.MoveReceipt;
import io.clix.core.NotInGameException;
import io.clix.core.RoundNotOpenException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rounds: one move per active player, idempotent retries, closed and future rounds, early and deadline closes. */
public interface RoundContract extends ContractPart {

  @Test
  default void anAcceptedMoveGetsAReceipt() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("move", 2, "alice", "bob");
    f.advance(Duration.ofSeconds(3));

    MoveReceipt receipt = f.games.submitMove(game.gameId(), "alice", 1, json("{\"card\":\"7H\"}"));

    assertThat(receipt.gameId()).isEqualTo(game.gameId());
    assertThat(receipt.playerId()).isEqualTo("alice");
    assertThat(receipt.round()).isEqualTo(1);
    assertThat(receipt.move()).isEqualTo(json("{\"card\":\"7H\"}"));
    assertThat(receipt.acceptedAt()).isEqualTo(f.now());
    GameEvent accepted = f.only(game.gameId(), EventType.MOVE_ACCEPTED);
    assertThat(receipt.sequence()).isEqualTo(accepted.sequence());
    assertThat(accepted.playerId()).contains("alice");
    assertThat(accepted.round()).contains(1);
    GameView view = f.games.describe(game.gameId());
    assertThat(view.movedPlayers()).containsExactly("alice");
    assertThat(view.currentRound()).isEqualTo(1);
    assertThat(view.roundDeadline()).as("a move does not move the deadline").isEqualTo(game.roundDeadline());
  }

  @Test
  default void sendingTheSameMoveAgainReturnsTheSameReceipt() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("move-retry", 1, "alice", "bob");
    MoveReceipt first = f.games.submitMove(game.gameId(), "alice", 1, json("{\"card\":\"7H\",\"bet\":3}"));
    long version = f.games.describe(game.gameId()).version();
    f.advance(Duration.ofSeconds(2));

    MoveReceipt again = f.games.submitMove(game.gameId(), "alice", 1, json("{\"bet\":3,\"card\":\"7H\"}"));

    assertThat(again).isEqualTo(first);
    assertThat(f.games.describe(game.gameId()).version()).isEqualTo(version);
    assertThat(f.eventsOf(game.gameId(), EventType.MOVE_ACCEPTED)).hasSize(1);
  }

  @Test
  default void aDifferentSecondMoveFailsAndKeepsTheFirst() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("move-dup", 1, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("\"rock\""));

    DuplicateMoveException e = catchThrowableOfType(DuplicateMoveException.class,
        () -> f.games.submitMove(game.gameId(), "alice", 1, json("\"paper\"")));

    assertThat(e).isNotNull();
    assertThat(e.gameId()).contains(game.gameId());
    f.games.submitMove(game.gameId(), "bob", 1, json("\"scissors\""));
    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"alice\":\"rock\",\"bob\":\"scissors\"}"));
  }

  @Test
  default void aMoveForAClosedRoundFails() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("move-closed", 3, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));
    f.games.submitMove(game.gameId(), "bob", 1, json("2"));

    RoundNotOpenException e = catchThrowableOfType(RoundNotOpenException.class,
        () -> f.games.submitMove(game.gameId(), "alice", 1, json("1")));

    assertThat(e).isNotNull();
    assertThat(e.round()).isEqualTo(1);
    assertThat(e.currentRound()).isEqualTo(2);
    assertThat(e.gameId()).contains(game.gameId());
    assertThat(f.games.describe(game.gameId()).movedPlayers()).isEmpty();
  }

  @Test
  default void aMoveForAFutureRoundFails() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("move-future", 3, "alice", "bob");

    RoundNotOpenException e = catchThrowableOfType(RoundNotOpenException.class,
        () -> f.games.submitMove(game.gameId(), "alice", 2, json("1")));

    assertThat(e).isNotNull();
    assertThat(e.round()).isEqualTo(2);
    assertThat(e.currentRound()).isEqualTo(1);
    assertThat(f.games.describe(game.gameId()).version()).isEqualTo(game.version());
  }

  @Test
  default void aMoveBySomeoneNotSeatedFails() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("move-stranger", 1, "alice", "bob");

    NotInGameException e = catchThrowableOfType(NotInGameException.class,
        () -> f.games.submitMove(game.gameId(), "mallory", 1, json("1")));

    assertThat(e).isNotNull();
    assertThat(e.gameId()).contains(game.gameId());
    assertThat(f.games.describe(game.gameId()).version()).isEqualTo(game.version());
  }

  @Test
  default void aMoveOutsideARunningGameFailsWithGameState() {
    Fixture f = Fixture.of(this);
    GameView lobby = f.lobby("move-lobby", 3, 2, "alice", "bob");
    GameView finished = f.running("move-finished", 1, "alice", "bob");
    f.games.submitMove(finished.gameId(), "alice", 1, json("1"));
    f.games.submitMove(finished.gameId(), "bob", 1, json("2"));

    GameStateException inLobby = catchThrowableOfType(GameStateException.class,
        () -> f.games.submitMove(lobby.gameId(), "alice", 1, json("1")));
    GameStateException afterEnd = catchThrowableOfType(GameStateException.class,
        () -> f.games.submitMove(finished.gameId(), "alice", 1, json("1")));

    assertThat(inLobby).isNotNull();
    assertThat(inLobby.status()).isEqualTo(GameStatus.LOBBY);
    assertThat(afterEnd).isNotNull();
    assertThat(afterEnd.status()).isEqualTo(GameStatus.FINISHED);
  }

  @Test
  default void aMalformedMoveIsRejectedNamingTheField() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("move-bad", 1, "alice", "bob");

    InvalidRequestException round = catchThrowableOfType(InvalidRequestException.class,
        () -> f.games.submitMove(game.gameId(), "alice", 0, json("1")));
    InvalidRequestException nothing = catchThrowableOfType(InvalidRequestException.class,
        () -> f.games.submitMove(game.gameId(), "alice", 1, null));
    InvalidRequestException jsonNull = catchThrowableOfType(InvalidRequestException.class,
        () -> f.games.submitMove(game.gameId(), "alice", 1, json("null")));
    InvalidRequestException big = catchThrowableOfType(InvalidRequestException.class,
        () -> f.games.submitMove(game.gameId(), "alice", 1, json("\"" + "x".repeat(5000) + "\"")));
    InvalidRequestException player = catchThrowableOfType(InvalidRequestException.class,
        () -> f.games.submitMove(game.gameId(), "not ok", 1, json("1")));

    assertThat(round.violations()).extracting(Violation::field).containsExactly("round");
    assertThat(nothing.violations()).extracting(Violation::field).containsExactly("move");
    assertThat(jsonNull.violations()).extracting(Violation::field).containsExactly("move");
    assertThat(big.violations()).extracting(Violation::field).containsExactly("move");
    assertThat(player.violations()).extracting(Violation::field).containsExactly("playerId");
    assertThat(f.games.describe(game.gameId()).version()).isEqualTo(game.version());
  }

  @Test
  default void theRoundClosesAsSoonAsEveryActivePlayerHasMoved() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("early-close", 3, "alice", "bob", "carol");
    f.advance(Duration.ofSeconds(5));
    f.games.submitMove(game.gameId(), "carol", 1, json("\"c\""));
    f.games.submitMove(game.gameId(), "alice", 1, json("\"a\""));
    assertThat(f.types(game.gameId())).doesNotContain(EventType.ROUND_CLOSED);

    f.games.submitMove(game.gameId(), "bob", 1, json("\"b\""));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(view.currentRound()).isEqualTo(2);
    assertThat(view.movedPlayers()).isEmpty();
    assertThat(view.roundDeadline()).contains(f.now().plus(Fixture.ROUND_TIMEOUT));
    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.round()).contains(1);
    assertThat(closed.time()).isEqualTo(f.now());
    assertThat(closed.data().path("trigger").asText()).isEqualTo("allMoved");
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"alice\":\"a\",\"bob\":\"b\",\"carol\":\"c\"}"));
    assertThat(closed.data().path("missing")).isEqualTo(json("[]"));
    GameEvent opened = f.last(game.gameId(), EventType.ROUND_OPENED);
    assertThat(opened.round()).contains(2);
    assertThat(opened.sequence()).isEqualTo(closed.sequence() + 1);
  }

  @Test
  default void atTheDeadlineTheRoundClosesWithTheMissingMovesRecorded() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("deadline", 2, "alice", "bob", "carol");
    Instant deadline = game.roundDeadline().orElseThrow();
    f.games.submitMove(game.gameId(), "bob", 1, json("{\"guess\":42}"));

    f.advance(Fixture.ROUND_TIMEOUT.minusSeconds(1));
    assertThat(f.games.describe(game.gameId()).currentRound()).as("one second before the deadline").isEqualTo(1);
    f.advance(Duration.ofSeconds(1));

    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.round()).contains(1);
    assertThat(closed.time()).isEqualTo(deadline);
    assertThat(closed.data().path("trigger").asText()).isEqualTo("deadline");
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"bob\":{\"guess\":42}}"));
    assertThat(closed.data().path("missing")).isEqualTo(json("[\"alice\",\"carol\"]"));
    GameView view = f.games.describe(game.gameId());
    assertThat(view.currentRound()).isEqualTo(2);
    assertThat(view.roundDeadline()).contains(deadline.plus(Fixture.ROUND_TIMEOUT));
    assertThat(f.games.submitMove(game.gameId(), "alice", 2, json("{\"guess\":1}")).round()).isEqualTo(2);

    f.advance(Fixture.ROUND_TIMEOUT);
    GameEvent second = f.last(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(second.round()).contains(2);
    assertThat(second.time()).isEqualTo(deadline.plus(Fixture.ROUND_TIMEOUT));
    assertThat(second.data().path("missing")).isEqualTo(json("[\"bob\",\"carol\"]"));
    assertThat(f.games.describe(game.gameId()).status()).isEqualTo(GameStatus.FINISHED);
  }

  @Test
  default void afterTheLastRoundTheGameFinishes() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("last-round", 2, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));
    f.games.submitMove(game.gameId(), "bob", 1, json("2"));
    f.games.submitMove(game.gameId(), "alice", 2, json("3"));
    f.advance(Duration.ofSeconds(7));

    f.games.submitMove(game.gameId(), "bob", 2, json("4"));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(view.endedAt()).contains(f.now());
    assertThat(view.currentRound()).isZero();
    assertThat(view.roundDeadline()).isEmpty();
    assertThat(view.result()).isEmpty();
    assertThat(f.eventsOf(game.gameId(), EventType.ROUND_CLOSED)).extracting(e -> e.round().orElseThrow())
        .containsExactly(1, 2);
    assertThat(f.types(game.gameId())).endsWith(EventType.ROUND_CLOSED, EventType.GAME_FINISHED);
    assertThat(f.only(game.gameId(), EventType.GAME_FINISHED).data().path("trigger").asText()).isEqualTo("lastRound");
  }

  @Test
  default void theBackendMayFinishTheGameBeforeTheLastRound() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("early-finish", 5, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));

    GameView finished = f.games.finish(game.gameId(), json("{\"winner\":\"alice\"}"));
    f.advance(Fixture.ROUND_TIMEOUT.multipliedBy(6));

    GameView view = f.games.describe(game.gameId());
    assertThat(view).isEqualTo(finished);
    assertThat(view.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(view.result()).contains(json("{\"winner\":\"alice\"}"));
    assertThat(f.types(game.gameId())).doesNotContain(EventType.ROUND_CLOSED).endsWith(EventType.GAME_FINISHED);
  }

  @Test
  default void oneLongAdvanceRunsEveryDeadlineOnTheWay() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("long-advance", 3, "alice", "bob");
    Instant start = game.startedAt().orElseThrow();

    f.advance(Fixture.ROUND_TIMEOUT.multipliedBy(3).plusSeconds(10));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(view.endedAt()).contains(start.plus(Fixture.ROUND_TIMEOUT.multipliedBy(3)));
    assertThat(f.eventsOf(game.gameId(), EventType.ROUND_CLOSED))
        .extracting(e -> e.round().orElseThrow(), GameEvent::time)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, start.plus(Fixture.ROUND_TIMEOUT)),
            org.assertj.core.groups.Tuple.tuple(2, start.plus(Fixture.ROUND_TIMEOUT.multipliedBy(2))),
            org.assertj.core.groups.Tuple.tuple(3, start.plus(Fixture.ROUND_TIMEOUT.multipliedBy(3))));
    assertThat(f.eventsOf(game.gameId(), EventType.ROUND_CLOSED))
        .allSatisfy(e -> assertThat(e.data().path("missing")).isEqualTo(json("[\"alice\",\"bob\"]")));
  }

  @Test
  default void theViewShowsWhoMovedButNeverTheMove() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("view-moves", 1, "alice", "bob", "carol");

    f.games.submitMove(game.gameId(), "carol", 1, json("{\"secret\":\"sealed-envelope-4711\"}"));
    f.games.submitMove(game.gameId(), "alice", 1, json("{\"secret\":\"sealed-envelope-4712\"}"));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.movedPlayers()).as("in seat order").containsExactly("alice", "carol");
    assertThat(Fixture.toJson(view)).doesNotContain("sealed-envelope-4711");
    assertThat(view.toString()).doesNotContain("sealed-envelope-4711");
  }
}
