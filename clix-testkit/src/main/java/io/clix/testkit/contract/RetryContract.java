package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.core.EventType;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import io.clix.core.NotInGameException;
import io.clix.core.RoundNotOpenException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A retried call whose first attempt landed gets the first attempt's answer, in every state that
 * attempt moved the game to, and writes nothing: create, join, leave, startNow, submitMove, finish
 * and cancel, each at the boundary its first attempt crossed (lobby filled, round closed, game
 * started, finished or cancelled).
 */
public interface RetryContract extends ContractPart {

  @Test
  default void aRetriedCreateReturnsTheGameInEveryLaterState() {
    Fixture f = Fixture.of(this);
    var spec = Fixture.spec("retry-create").capacity(2).minPlayers(1).rounds(1).build();
    GameView first = f.games.createGame(spec);

    assertThat(f.games.createGame(spec)).as("in the lobby").isEqualTo(first);
    f.games.join(first.gameId(), "alice");
    f.games.join(first.gameId(), "bob");
    GameView running = f.games.createGame(spec);
    assertThat(running.status()).as("after the lobby filled").isEqualTo(GameStatus.RUNNING);
    assertThat(running).isEqualTo(f.games.describe(first.gameId()));
    f.games.finish(first.gameId(), json("\"done\""));
    GameView finished = f.games.createGame(spec);

    assertThat(finished.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(finished).isEqualTo(f.games.describe(first.gameId()));
    assertThat(f.eventsOf(first.gameId(), EventType.GAME_CREATED)).hasSize(1);
  }

  @Test
  default void theJoinThatFilledTheLobbyGetsTheSameSeatAgain() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("retry-join-fill", 2, 2, "alice");
    JoinResult first = f.games.join(game.gameId(), "bob");
    assertThat(first.game().status()).isEqualTo(GameStatus.RUNNING);
    f.advance(Duration.ofSeconds(3));

    JoinResult again = f.games.join(game.gameId(), "bob");

    assertThat(again.seat()).isEqualTo(first.seat()).isEqualTo(2);
    assertThat(again.playerId()).isEqualTo("bob");
    assertThat(again.game()).isEqualTo(first.game());
    assertThat(f.eventsOf(game.gameId(), EventType.PLAYER_JOINED)).hasSize(2);
    assertThat(f.eventsOf(game.gameId(), EventType.GAME_STARTED)).hasSize(1);
  }

  @Test
  default void aRetriedJoinInTheLobbyGetsTheSameSeat() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("retry-join", 3, 2, "alice");
    JoinResult first = f.games.join(game.gameId(), "bob", json("{\"team\":\"red\"}"));

    JoinResult again = f.games.join(game.gameId(), "bob", json("{\"team\":\"red\"}"));

    assertThat(again).isEqualTo(first);
  }

  @Test
  default void theMoveThatClosedTheRoundGetsTheSameReceiptAgain() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("retry-move-close", 3, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("\"rock\""));
    f.advance(Duration.ofSeconds(2));
    MoveReceipt first = f.games.submitMove(game.gameId(), "bob", 1, json("{\"hand\":\"paper\",\"bet\":2}"));
    GameView round2 = f.games.describe(game.gameId());
    assertThat(round2.currentRound()).isEqualTo(2);
    f.advance(Duration.ofSeconds(5));

    MoveReceipt again = f.games.submitMove(game.gameId(), "bob", 1, json("{\"bet\":2,\"hand\":\"paper\"}"));

    assertThat(again).isEqualTo(first);
    assertThat(f.games.describe(game.gameId())).isEqualTo(round2);
    assertThat(catchThrowableOfType(RoundNotOpenException.class,
        () -> f.games.submitMove(game.gameId(), "bob", 1, json("\"scissors\"")))).as("another move").isNotNull();
  }

  @Test
  default void theMoveThatFinishedTheGameGetsTheSameReceiptAgain() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("retry-move-finish", 1, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));
    MoveReceipt first = f.games.submitMove(game.gameId(), "bob", 1, json("[2,\"x\"]"));
    GameView finished = f.games.describe(game.gameId());
    assertThat(finished.status()).isEqualTo(GameStatus.FINISHED);
    f.advance(Duration.ofSeconds(1));

    MoveReceipt again = f.games.submitMove(game.gameId(), "bob", 1, json("[2,\"x\"]"));

    assertThat(again).isEqualTo(first);
    assertThat(f.games.describe(game.gameId())).isEqualTo(finished);
    assertThat(f.eventsOf(game.gameId(), EventType.MOVE_ACCEPTED)).hasSize(2);
  }

  @Test
  default void aRetriedMoveAfterTheNextRoundsDeadlineStillGetsItsReceipt() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("retry-move-late", 3, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));
    MoveReceipt first = f.games.submitMove(game.gameId(), "bob", 1, json("2"));
    f.advance(Fixture.ROUND_TIMEOUT);
    assertThat(f.games.describe(game.gameId()).currentRound()).as("round 2 closed at its deadline").isEqualTo(3);

    assertThat(f.games.submitMove(game.gameId(), "bob", 1, json("2"))).isEqualTo(first);
  }

  @Test
  default void aRetriedLeaveAfterTheStartReturnsTheGameInEveryLaterState() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("retry-leave", 2, "alice", "bob", "carol");
    GameView first = f.games.leave(game.gameId(), "carol");
    assertThat(f.games.leave(game.gameId(), "carol")).as("running").isEqualTo(first);

    f.games.submitMove(game.gameId(), "alice", 1, json("1"));
    GameView closing = f.games.leave(game.gameId(), "bob");
    assertThat(closing.currentRound()).as("bob's leave closed round 1").isEqualTo(2);
    assertThat(f.games.leave(game.gameId(), "bob")).isEqualTo(closing);

    GameView cancelled = f.games.leave(game.gameId(), "alice");
    assertThat(cancelled.status()).as("the last active player left").isEqualTo(GameStatus.CANCELLED);
    assertThat(f.games.leave(game.gameId(), "alice")).isEqualTo(cancelled);
    assertThat(f.eventsOf(game.gameId(), EventType.PLAYER_LEFT)).hasSize(3);
  }

  @Test
  default void theLeaveThatFinishedTheGameReturnsItAgain() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("retry-leave-finish", 1, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));
    GameView first = f.games.leave(game.gameId(), "bob");
    assertThat(first.status()).isEqualTo(GameStatus.FINISHED);

    assertThat(f.games.leave(game.gameId(), "bob")).isEqualTo(first);
    assertThat(f.eventsOf(game.gameId(), EventType.PLAYER_LEFT)).hasSize(1);
  }

  @Test
  default void aRetriedLobbyLeaveReportsThePlayerNotSeated() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("retry-leave-lobby", 3, 2, "alice", "bob");
    GameView first = f.games.leave(game.gameId(), "bob");

    assertThat(catchThrowableOfType(NotInGameException.class, () -> f.games.leave(game.gameId(), "bob")))
        .as("the lobby forgets who left: the seat is free either way").isNotNull();
    assertThat(f.games.describe(game.gameId())).isEqualTo(first);
  }

  @Test
  default void aRetriedStartNowReturnsTheRunningGame() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("retry-start", 4, 2, "alice", "bob");
    GameView first = f.games.startNow(game.gameId());

    assertThat(f.games.startNow(game.gameId())).isEqualTo(first);
    assertThat(f.eventsOf(game.gameId(), EventType.GAME_STARTED)).hasSize(1);
  }

  @Test
  default void aRetriedFinishOrCancelReturnsTheEndedGame() {
    Fixture f = Fixture.of(this);
    GameView finishedGame = f.running("retry-finish", 2, "alice", "bob");
    GameView finished = f.games.finish(finishedGame.gameId(), json("{\"winner\":\"bob\"}"));
    GameView cancelledGame = f.running("retry-cancel", 2, "alice", "bob");
    GameView cancelled = f.games.cancel(cancelledGame.gameId(), "server restart");
    f.advance(Duration.ofSeconds(1));

    assertThat(f.games.finish(finishedGame.gameId(), json("{\"winner\":\"bob\"}"))).isEqualTo(finished);
    assertThat(f.games.cancel(cancelledGame.gameId(), "server restart")).isEqualTo(cancelled);
    assertThat(f.eventsOf(finishedGame.gameId(), EventType.GAME_FINISHED)).hasSize(1);
    assertThat(f.eventsOf(cancelledGame.gameId(), EventType.GAME_CANCELLED)).hasSize(1);
  }
}
