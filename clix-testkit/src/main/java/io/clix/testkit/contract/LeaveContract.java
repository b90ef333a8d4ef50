package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameStateException;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.NotInGameException;
import io.clix.core.Player;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Leaving: a lobby seat is freed; after the start the player goes inactive and rounds stop waiting for them. */
public interface LeaveContract extends ContractPart {

  @Test
  default void leavingTheLobbyFreesTheSeatForTheNextPlayer() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("leave-lobby", 4, 2, "alice", "bob", "carol");

    GameView after = f.games.leave(game.gameId(), "bob");

    assertThat(after.status()).isEqualTo(GameStatus.LOBBY);
    assertThat(after.players()).extracting(Player::playerId).containsExactly("alice", "carol");
    assertThat(after.players()).extracting(Player::seat).containsExactly(1, 3);
    GameEvent left = f.last(game.gameId(), EventType.PLAYER_LEFT);
    assertThat(left.playerId()).contains("bob");
    assertThat(left.data().path("seat").asInt()).isEqualTo(2);
    assertThat(f.games.join(game.gameId(), "dave").seat()).isEqualTo(2);
    assertThat(f.games.join(game.gameId(), "bob").seat()).isEqualTo(4);
    assertThat(f.games.describe(game.gameId()).status()).isEqualTo(GameStatus.RUNNING);
  }

  @Test
  default void aPlayerWhoLeftTheLobbyIsNoLongerSeated() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("leave-gone", 4, 2, "alice", "bob");
    f.games.leave(game.gameId(), "bob");

    NotInGameException e = catchThrowableOfType(NotInGameException.class, () -> f.games.leave(game.gameId(), "bob"));

    assertThat(e).isNotNull();
    assertThat(e.gameId()).contains(game.gameId());
    assertThat(f.eventsOf(game.gameId(), EventType.PLAYER_LEFT)).hasSize(1);
  }

  @Test
  default void leavingAGameOneNeverJoinedFailsWithNotInGame() {
    Fixture f = Fixture.of(this);
    GameView lobby = f.lobby("leave-stranger", 4, 2, "alice");
    GameView running = f.running("leave-stranger-running", 1, "alice", "bob");

    assertThat(catchThrowableOfType(NotInGameException.class, () -> f.games.leave(lobby.gameId(), "mallory")))
        .isNotNull();
    assertThat(catchThrowableOfType(NotInGameException.class, () -> f.games.leave(running.gameId(), "mallory")))
        .isNotNull();
    assertThat(f.games.describe(running.gameId()).version()).isEqualTo(running.version());
  }

  @Test
  default void leavingAfterTheStartMarksThePlayerInactive() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("leave-running", 2, "alice", "bob", "carol");

    GameView after = f.games.leave(game.gameId(), "bob");

    assertThat(after.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(after.players()).extracting(Player::playerId).containsExactly("alice", "bob", "carol");
    assertThat(after.player("bob").orElseThrow().active()).isFalse();
    assertThat(after.player("alice").orElseThrow().active()).isTrue();
    assertThat(after.activePlayerIds()).containsExactly("alice", "carol");
    assertThat(f.last(game.gameId(), EventType.PLAYER_LEFT).playerId()).contains("bob");
    NotInGameException e = catchThrowableOfType(NotInGameException.class,
        () -> f.games.submitMove(game.gameId(), "bob", 1, json("\"rock\"")));
    assertThat(e).isNotNull();
  }

  @Test
  default void leavingAStartedGameTwiceIsHarmless() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("leave-twice", 1, "alice", "bob", "carol");
    GameView first = f.games.leave(game.gameId(), "carol");

    GameView second = f.games.leave(game.gameId(), "carol");

    assertThat(second.version()).isEqualTo(first.version());
    assertThat(second.players()).isEqualTo(first.players());
    assertThat(f.eventsOf(game.gameId(), EventType.PLAYER_LEFT)).hasSize(1);
  }

  @Test
  default void theRoundClosesWhenThePlayersStillInHaveAllMoved() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("leave-close", 2, "alice", "bob", "carol");
    f.games.submitMove(game.gameId(), "alice", 1, json("\"rock\""));
    f.games.submitMove(game.gameId(), "bob", 1, json("\"paper\""));
    assertThat(f.games.describe(game.gameId()).currentRound()).isEqualTo(1);

    f.games.leave(game.gameId(), "carol");

    GameView view = f.games.describe(game.gameId());
    assertThat(view.currentRound()).isEqualTo(2);
    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.round()).contains(1);
    assertThat(closed.data().path("trigger").asText()).isEqualTo("allMoved");
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"alice\":\"rock\",\"bob\":\"paper\"}"));
    assertThat(closed.data().path("missing")).isEqualTo(json("[]"));

    f.games.submitMove(game.gameId(), "alice", 2, json("\"scissors\""));
    f.games.submitMove(game.gameId(), "bob", 2, json("\"scissors\""));
    assertThat(f.games.describe(game.gameId()).status()).isEqualTo(GameStatus.FINISHED);
  }

  @Test
  default void aPlayerWhoLeftIsNotCountedMissingAtTheDeadline() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("leave-deadline", 1, "alice", "bob", "carol");
    f.games.submitMove(game.gameId(), "carol", 1, json("\"c\""));
    f.advance(Duration.ofSeconds(10));
    GameView after = f.games.leave(game.gameId(), "alice");
    assertThat(after.roundDeadline()).as("a leave does not move the deadline").isEqualTo(game.roundDeadline());

    f.advance(Fixture.ROUND_TIMEOUT.minusSeconds(10));

    GameEvent closed = f.only(game.gameId(), EventType.ROUND_CLOSED);
    assertThat(closed.data().path("trigger").asText()).isEqualTo("deadline");
    assertThat(closed.data().path("moves")).isEqualTo(json("{\"carol\":\"c\"}"));
    assertThat(closed.data().path("missing")).isEqualTo(json("[\"bob\"]"));
    assertThat(f.games.describe(game.gameId()).status()).isEqualTo(GameStatus.FINISHED);
  }

  @Test
  default void whenEveryPlayerHasLeftARunningGameItIsCancelled() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("leave-all", 3, "alice", "bob");

    f.games.leave(game.gameId(), "alice");
    GameView view = f.games.leave(game.gameId(), "bob");

    assertThat(view.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(view.cancelReason()).isPresent();
    assertThat(view.currentRound()).isZero();
    assertThat(f.types(game.gameId())).endsWith(EventType.PLAYER_LEFT, EventType.GAME_CANCELLED);
    f.advance(Fixture.ROUND_TIMEOUT.multipliedBy(4));
    assertThat(f.games.describe(game.gameId()).version()).isEqualTo(view.version());
  }

  @Test
  default void leavingAnEndedGameFailsWithGameState() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("leave-ended", 1, "alice", "bob");
    f.games.finish(game.gameId(), json("{\"winner\":\"alice\"}"));

    GameStateException e = catchThrowableOfType(GameStateException.class, () -> f.games.leave(game.gameId(), "bob"));

    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(f.games.describe(game.gameId()).player("bob").orElseThrow().active()).isTrue();
  }
}
