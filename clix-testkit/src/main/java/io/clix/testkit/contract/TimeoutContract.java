package io.clix.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lobby timeout: start with the minimum seated, cancel with reason "lobby timeout" without it, never early. */
public interface TimeoutContract extends ContractPart {

  @Test
  default void atTheLobbyTimeoutTheGameStartsIfTheMinimumIsSeated() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("lobby-start", 4, 2, "alice", "bob");
    Instant deadline = game.lobbyDeadline().orElseThrow();

    f.advance(Fixture.LOBBY_TIMEOUT.minusSeconds(1));
    assertThat(f.games.describe(game.gameId()).status()).as("one second before the timeout").isEqualTo(GameStatus.LOBBY);
    f.advance(Duration.ofSeconds(1));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(view.startedAt()).contains(deadline);
    assertThat(view.lobbyDeadline()).isEmpty();
    assertThat(view.currentRound()).isEqualTo(1);
    assertThat(view.roundDeadline()).contains(deadline.plus(Fixture.ROUND_TIMEOUT));
    GameEvent started = f.only(game.gameId(), EventType.GAME_STARTED);
    assertThat(started.data().path("trigger").asText()).isEqualTo("lobbyTimeout");
    assertThat(started.time()).isEqualTo(deadline);
  }

  @Test
  default void atTheLobbyTimeoutTheGameIsCancelledBelowTheMinimum() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("lobby-cancel", 4, 3, "alice", "bob");
    Instant deadline = game.lobbyDeadline().orElseThrow();

    f.advance(Fixture.LOBBY_TIMEOUT.minusSeconds(1));
    assertThat(f.games.describe(game.gameId()).status()).as("one second before the timeout").isEqualTo(GameStatus.LOBBY);
    f.advance(Duration.ofSeconds(1));

    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(view.cancelReason()).contains("lobby timeout");
    assertThat(view.endedAt()).contains(deadline);
    assertThat(view.lobbyDeadline()).isEmpty();
    assertThat(view.currentRound()).isZero();
    GameEvent cancelled = f.only(game.gameId(), EventType.GAME_CANCELLED);
    assertThat(cancelled.data().path("reason").asText()).isEqualTo("lobby timeout");
    assertThat(cancelled.time()).isEqualTo(deadline);
    assertThat(f.types(game.gameId())).doesNotContain(EventType.GAME_STARTED, EventType.ROUND_OPENED);
  }

  @Test
  default void anEmptyLobbyIsCancelledAtItsTimeout() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("lobby-empty", 2, 1);

    f.advance(Fixture.LOBBY_TIMEOUT);

    assertThat(f.games.describe(game.gameId()).status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(f.games.describe(game.gameId()).cancelReason()).contains("lobby timeout");
  }

  @Test
  default void playersWhoLeftTheLobbyDoNotCountTowardsTheMinimum() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("lobby-left", 4, 2, "alice", "bob");
    f.games.leave(game.gameId(), "bob");

    f.advance(Fixture.LOBBY_TIMEOUT);

    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(view.cancelReason()).contains("lobby timeout");
  }

  @Test
  default void theLobbyTimeoutDoesNothingOnceTheGameHasStarted() {
    Fixture f = Fixture.of(this);
    GameView game = f.games.createGame(Fixture.spec("lobby-after").capacity(2).minPlayers(2)
        .lobbyTimeout(Duration.ofSeconds(10)).roundTimeout(Duration.ofSeconds(100)).build());
    f.games.join(game.gameId(), "alice");
    f.games.join(game.gameId(), "bob");
    GameView started = f.games.describe(game.gameId());

    f.advance(Duration.ofSeconds(50));

    GameView view = f.games.describe(game.gameId());
    assertThat(view).isEqualTo(started);
    assertThat(f.eventsOf(game.gameId(), EventType.GAME_STARTED)).hasSize(1);
    assertThat(f.types(game.gameId())).doesNotContain(EventType.GAME_CANCELLED);
  }

  @Test
  default void theLobbyTimeoutDoesNothingOnceTheGameIsCancelled() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("lobby-cancelled", 4, 2, "alice", "bob");
    GameView cancelled = f.games.cancel(game.gameId(), "host closed the table");

    f.advance(Fixture.LOBBY_TIMEOUT.multipliedBy(2));

    GameView view = f.games.describe(game.gameId());
    assertThat(view).isEqualTo(cancelled);
    assertThat(view.cancelReason()).contains("host closed the table");
  }
}
