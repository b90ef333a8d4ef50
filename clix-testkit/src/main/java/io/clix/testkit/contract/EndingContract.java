package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameStateException;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.InvalidRequestException;
import io.clix.core.InvalidRequestException.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The two ends: {@code finish} with the backend's result and {@code cancel} with a reason, their repeats and refusals. */
public interface EndingContract extends ContractPart {

  @Test
  default void finishRecordsTheResult() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("finish", 3, "alice", "bob");
    f.advance(Duration.ofSeconds(9));

    GameView view = f.games.finish(game.gameId(), json("{\"winner\":\"bob\",\"score\":[1,3]}"));

    assertThat(view.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(view.result()).contains(json("{\"winner\":\"bob\",\"score\":[1,3]}"));
    assertThat(view.endedAt()).contains(f.now());
    assertThat(view.currentRound()).isZero();
    assertThat(view.roundDeadline()).isEmpty();
    assertThat(view).isEqualTo(f.games.describe(game.gameId()));
    GameEvent finished = f.only(game.gameId(), EventType.GAME_FINISHED);
    assertThat(finished.data().path("result")).isEqualTo(json("{\"winner\":\"bob\",\"score\":[1,3]}"));
    assertThat(finished.data().path("trigger").asText()).isEqualTo("backend");
    assertThat(finished.time()).isEqualTo(f.now());
  }

  @Test
  default void finishingAgainWithTheSameResultReturnsTheGame() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("finish-twice", 2, "alice", "bob");
    GameView first = f.games.finish(game.gameId(), json("{\"winner\":\"alice\"}"));
    f.advance(Duration.ofSeconds(1));

    GameView second = f.games.finish(game.gameId(), json("{\"winner\":\"alice\"}"));

    assertThat(second).isEqualTo(first);
    assertThat(f.eventsOf(game.gameId(), EventType.GAME_FINISHED)).hasSize(1);
  }

  @Test
  default void finishingAgainWithAnotherResultFails() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("finish-other", 2, "alice", "bob");
    GameView first = f.games.finish(game.gameId(), json("{\"winner\":\"alice\"}"));

    GameStateException e = catchThrowableOfType(GameStateException.class,
        () -> f.games.finish(game.gameId(), json("{\"winner\":\"bob\"}")));

    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(f.games.describe(game.gameId())).isEqualTo(first);
  }

  @Test
  default void finishingAGameInTheLobbyOrCancelledFails() {
    Fixture f = Fixture.of(this);
    GameView lobby = f.lobby("finish-lobby", 3, 2, "alice");
    GameView cancelled = f.running("finish-cancelled", 1, "alice", "bob");
    f.games.cancel(cancelled.gameId(), "server maintenance");

    GameStateException inLobby = catchThrowableOfType(GameStateException.class,
        () -> f.games.finish(lobby.gameId(), json("{}")));
    GameStateException afterCancel = catchThrowableOfType(GameStateException.class,
        () -> f.games.finish(cancelled.gameId(), json("{}")));

    assertThat(inLobby).isNotNull();
    assertThat(inLobby.status()).isEqualTo(GameStatus.LOBBY);
    assertThat(afterCancel).isNotNull();
    assertThat(afterCancel.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(f.games.describe(lobby.gameId()).status()).isEqualTo(GameStatus.LOBBY);
  }

  @Test
  default void cancelEndsALobbyWithTheReason() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("cancel-lobby", 4, 2, "alice");
    f.advance(Duration.ofSeconds(6));

    GameView view = f.games.cancel(game.gameId(), "host closed the table");

    assertThat(view.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(view.cancelReason()).contains("host closed the table");
    assertThat(view.endedAt()).contains(f.now());
    assertThat(view.lobbyDeadline()).isEmpty();
    assertThat(f.only(game.gameId(), EventType.GAME_CANCELLED).data().path("reason").asText())
        .isEqualTo("host closed the table");
  }

  @Test
  default void cancelEndsARunningGameAndStopsItsRounds() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("cancel-running", 3, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));

    GameView view = f.games.cancel(game.gameId(), "cheating detected");
    f.advance(Fixture.ROUND_TIMEOUT.multipliedBy(4));

    assertThat(view.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(view.currentRound()).isZero();
    assertThat(view.roundDeadline()).isEmpty();
    assertThat(view.movedPlayers()).isEmpty();
    assertThat(f.games.describe(game.gameId())).isEqualTo(view);
    assertThat(f.types(game.gameId())).doesNotContain(EventType.ROUND_CLOSED).endsWith(EventType.GAME_CANCELLED);
  }

  @Test
  default void cancellingACancelledGameReturnsIt() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("cancel-twice", 4, 2, "alice");
    GameView first = f.games.cancel(game.gameId(), "first reason");

    GameView second = f.games.cancel(game.gameId(), "first reason");

    assertThat(second).isEqualTo(first);
    assertThat(f.eventsOf(game.gameId(), EventType.GAME_CANCELLED)).hasSize(1);
  }

  @Test
  default void cancellingAFinishedGameFails() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("cancel-finished", 1, "alice", "bob");
    GameView finished = f.games.finish(game.gameId(), json("\"draw\""));

    GameStateException e = catchThrowableOfType(GameStateException.class,
        () -> f.games.cancel(game.gameId(), "too late"));

    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(f.games.describe(game.gameId())).isEqualTo(finished);
  }

  @Test
  default void cancelRejectsABlankOrOverlongReason() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("cancel-reason", 4, 2, "alice");

    for (String reason : new String[] {"", "   ", "x".repeat(257), "line\nbreak"}) {
      InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
          () -> f.games.cancel(game.gameId(), reason));
      assertThat(e).as("reason \"%s\"", reason).isNotNull();
      assertThat(e.violations()).extracting(Violation::field).containsExactly("reason");
    }
    assertThat(f.games.describe(game.gameId()).status()).isEqualTo(GameStatus.LOBBY);
  }
}
