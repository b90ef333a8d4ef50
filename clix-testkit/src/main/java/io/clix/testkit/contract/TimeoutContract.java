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

  /**
   * One long advance across every deadline of several games, with nobody reading in between: each
   * game ends as the rules say, every timer at the instant its game announced.
   */
  @Test
  default void aLongAdvanceAcrossManyDeadlinesEndsEveryGameOnItsAnnouncedInstants() {
    Fixture f = Fixture.of(this);
    GameView cancelled = f.lobby("long-cancel", 4, 3, "alice");
    GameView started = f.lobby("long-start", 4, 2, "alice", "bob");
    GameView idle = f.running("long-idle", 3, "alice", "bob");
    GameView active = f.running("long-active", 3, "alice", "bob");
    f.games.submitMove(active.gameId(), "alice", 1, com.fasterxml.jackson.databind.node.IntNode.valueOf(1));
    f.games.submitMove(active.gameId(), "bob", 1, com.fasterxml.jackson.databind.node.IntNode.valueOf(2));
    Instant now = f.now();

    f.advance(Fixture.LOBBY_TIMEOUT.plus(Fixture.ROUND_TIMEOUT.multipliedBy(4)));

    assertThat(f.games.describe(cancelled.gameId()).endedAt()).contains(cancelled.lobbyDeadline().orElseThrow());
    assertThat(f.games.describe(cancelled.gameId()).status()).isEqualTo(GameStatus.CANCELLED);
    Instant start = started.lobbyDeadline().orElseThrow();
    int rounds = f.games.describe(started.gameId()).spec().rounds();
    assertThat(f.games.describe(started.gameId()).status()).isEqualTo(GameStatus.FINISHED);
    assertThat(f.games.describe(started.gameId()).endedAt())
        .contains(start.plus(Fixture.ROUND_TIMEOUT.multipliedBy(rounds)));
    assertThat(f.games.describe(idle.gameId()).endedAt())
        .contains(idle.startedAt().orElseThrow().plus(Fixture.ROUND_TIMEOUT.multipliedBy(3)));
    assertThat(f.games.describe(active.gameId()).endedAt()).contains(now.plus(Fixture.ROUND_TIMEOUT.multipliedBy(2)));
    for (GameView game : java.util.List.of(started, idle, active)) {
      for (GameEvent closed : f.eventsOf(game.gameId(), EventType.ROUND_CLOSED)) {
        if ("deadline".equals(closed.data().path("trigger").asText())) {
          GameEvent opened = f.eventsOf(game.gameId(), EventType.ROUND_OPENED).stream()
              .filter(o -> o.round().equals(closed.round())).findFirst().orElseThrow();
          assertThat(closed.time()).as("%s round %s", game.gameId(), closed.round())
              .isEqualTo(Instant.parse(opened.data().path("deadline").asText()));
        }
      }
    }
  }

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
