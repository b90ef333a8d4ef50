package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameFullException;
import io.clix.core.GameStateException;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.InvalidRequestException;
import io.clix.core.InvalidRequestException.Violation;
import io.clix.core.JoinResult;
import io.clix.core.NotEnoughPlayersException;
import io.clix.core.Player;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lobby: seats and roster, idempotent joins, full and closed lobbies, starting when full and by {@code startNow}. */
public interface LobbyContract extends ContractPart {

  @Test
  default void joinTakesTheLowestFreeSeatAndReturnsTheRoster() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("join", 4, 2);
    f.advance(Duration.ofSeconds(3));

    JoinResult alice = f.games.join(game.gameId(), "alice");
    JoinResult bob = f.games.join(game.gameId(), "bob", json("{\"name\":\"Bob\",\"level\":7}"));

    assertThat(alice.playerId()).isEqualTo("alice");
    assertThat(alice.seat()).isEqualTo(1);
    assertThat(bob.seat()).isEqualTo(2);
    assertThat(bob.roster()).extracting(Player::playerId).containsExactly("alice", "bob");
    assertThat(bob.roster()).extracting(Player::seat).containsExactly(1, 2);
    assertThat(bob.roster()).allMatch(Player::active);
    assertThat(bob.game().status()).isEqualTo(GameStatus.LOBBY);
    Player seated = f.games.describe(game.gameId()).player("bob").orElseThrow();
    assertThat(seated.data()).contains(json("{\"name\":\"Bob\",\"level\":7}"));
    assertThat(seated.joinedAt()).isEqualTo(f.now());
    assertThat(f.games.describe(game.gameId()).player("alice").orElseThrow().data()).isEmpty();

    GameEvent joined = f.last(game.gameId(), EventType.PLAYER_JOINED);
    assertThat(joined.playerId()).contains("bob");
    assertThat(joined.data().path("seat").asInt()).isEqualTo(2);
    assertThat(joined.data().path("data")).isEqualTo(json("{\"name\":\"Bob\",\"level\":7}"));
  }

  @Test
  default void joiningTwiceIsIdempotent() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("rejoin", 3, 2, "alice", "bob");

    JoinResult again = f.games.join(game.gameId(), "alice");

    assertThat(again.seat()).isEqualTo(1);
    assertThat(again.roster()).extracting(Player::playerId).containsExactly("alice", "bob");
    assertThat(f.games.describe(game.gameId()).version()).isEqualTo(game.version());
    assertThat(f.eventsOf(game.gameId(), EventType.PLAYER_JOINED)).hasSize(2);
  }

  @Test
  default void joiningARunningGameAgainReturnsTheSameSeat() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("rejoin-running", 1, "alice", "bob");

    JoinResult again = f.games.join(game.gameId(), "bob");

    assertThat(again.seat()).isEqualTo(2);
    assertThat(again.game().status()).isEqualTo(GameStatus.RUNNING);
    assertThat(f.games.describe(game.gameId()).version()).isEqualTo(game.version());
  }

  @Test
  default void theJoinThatFillsTheLobbyStartsTheGame() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("fill", 3, 3, "alice", "bob");
    f.advance(Duration.ofSeconds(5));

    JoinResult last = f.games.join(game.gameId(), "carol");

    assertThat(last.seat()).isEqualTo(3);
    assertThat(last.game().status()).isEqualTo(GameStatus.RUNNING);
    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(view.startedAt()).contains(f.now());
    assertThat(view.lobbyDeadline()).isEmpty();
    assertThat(view.currentRound()).isEqualTo(1);
    assertThat(view.roundDeadline()).contains(f.now().plus(Fixture.ROUND_TIMEOUT));
    GameEvent started = f.only(game.gameId(), EventType.GAME_STARTED);
    assertThat(started.data().path("trigger").asText()).isEqualTo("full");
    assertThat(started.data().path("players")).isEqualTo(json("[\"alice\",\"bob\",\"carol\"]"));
    GameEvent opened = f.only(game.gameId(), EventType.ROUND_OPENED);
    assertThat(opened.round()).contains(1);
    assertThat(opened.sequence()).isEqualTo(started.sequence() + 1);
  }

  @Test
  default void joiningAFullGameFailsWithGameFull() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("full", 1, "alice", "bob");

    GameFullException e = catchThrowableOfType(GameFullException.class, () -> f.games.join(game.gameId(), "carol"));

    assertThat(e).isNotNull();
    assertThat(e.gameId()).contains(game.gameId());
    assertThat(f.games.describe(game.gameId()).players()).extracting(Player::playerId).containsExactly("alice", "bob");
  }

  @Test
  default void joiningAfterAnEarlyStartFailsWithGameState() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("late", 4, 2, "alice", "bob");
    f.games.startNow(game.gameId());

    GameStateException e = catchThrowableOfType(GameStateException.class, () -> f.games.join(game.gameId(), "carol"));

    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(e.gameId()).contains(game.gameId());
    assertThat(f.games.describe(game.gameId()).players()).hasSize(2);
  }

  @Test
  default void joiningAnEndedGameFailsWithGameState() {
    Fixture f = Fixture.of(this);
    GameView cancelled = f.lobby("cancelled", 4, 2, "alice");
    f.games.cancel(cancelled.gameId(), "table closed");
    GameView finished = f.running("finished", 2, "alice", "bob");
    f.games.finish(finished.gameId(), json("{\"winner\":\"bob\"}"));

    GameStateException c = catchThrowableOfType(GameStateException.class, () -> f.games.join(cancelled.gameId(), "bob"));
    GameStateException d = catchThrowableOfType(GameStateException.class, () -> f.games.join(finished.gameId(), "carol"));

    assertThat(c).isNotNull();
    assertThat(c.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(d).isNotNull();
    assertThat(d.status()).isEqualTo(GameStatus.FINISHED);
  }

  @Test
  default void joinRejectsBadPlayerIdsAndDataNamingTheField() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("bad-player", 4, 2);
    for (String bad : new String[] {"", "two words", "x".repeat(129), "new\nline"}) {
      InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
          () -> f.games.join(game.gameId(), bad));
      assertThat(e).as("player id \"%s\"", bad).isNotNull();
      assertThat(e.violations()).extracting(Violation::field).containsExactly("playerId");
    }
    InvalidRequestException big = catchThrowableOfType(InvalidRequestException.class,
        () -> f.games.join(game.gameId(), "alice", json("\"" + "x".repeat(3000) + "\"")));
    assertThat(big).isNotNull();
    assertThat(big.violations()).extracting(Violation::field).containsExactly("playerData");
    assertThat(f.games.describe(game.gameId()).players()).isEmpty();
    assertThat(f.games.describe(game.gameId()).version()).isEqualTo(1);
  }

  @Test
  default void startNowStartsOnceTheMinimumIsSeated() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("start-now", 4, 2, "alice", "bob");
    f.advance(Duration.ofSeconds(4));

    GameView started = f.games.startNow(game.gameId());

    assertThat(started.status()).isEqualTo(GameStatus.RUNNING);
    assertThat(started.startedAt()).contains(f.now());
    assertThat(started.currentRound()).isEqualTo(1);
    assertThat(started.roundDeadline()).contains(f.now().plus(Fixture.ROUND_TIMEOUT));
    assertThat(started).isEqualTo(f.games.describe(game.gameId()));
    assertThat(f.only(game.gameId(), EventType.GAME_STARTED).data().path("trigger").asText()).isEqualTo("startNow");
    assertThat(f.only(game.gameId(), EventType.GAME_STARTED).data().path("players"))
        .isEqualTo(json("[\"alice\",\"bob\"]"));
  }

  @Test
  default void startNowBelowTheMinimumFailsAndLeavesTheLobbyOpen() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("too-few", 4, 3, "alice", "bob");

    NotEnoughPlayersException e = catchThrowableOfType(NotEnoughPlayersException.class,
        () -> f.games.startNow(game.gameId()));

    assertThat(e).isNotNull();
    assertThat(e.gameId()).contains(game.gameId());
    GameView view = f.games.describe(game.gameId());
    assertThat(view.status()).isEqualTo(GameStatus.LOBBY);
    assertThat(view.version()).isEqualTo(game.version());
    assertThat(f.games.join(game.gameId(), "carol").seat()).isEqualTo(3);
  }

  @Test
  default void startNowIsIdempotent() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("start-twice", 4, 2, "alice", "bob");
    GameView first = f.games.startNow(game.gameId());

    GameView second = f.games.startNow(game.gameId());

    assertThat(second).isEqualTo(first);
    assertThat(f.eventsOf(game.gameId(), EventType.GAME_STARTED)).hasSize(1);
    assertThat(f.eventsOf(game.gameId(), EventType.ROUND_OPENED)).hasSize(1);
  }

  @Test
  default void startNowOnAnEndedGameFailsWithGameState() {
    Fixture f = Fixture.of(this);
    GameView game = f.lobby("start-ended", 4, 2, "alice", "bob");
    f.games.cancel(game.gameId(), "host left");

    GameStateException e = catchThrowableOfType(GameStateException.class, () -> f.games.startNow(game.gameId()));

    assertThat(e).isNotNull();
    assertThat(e.status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(f.games.describe(game.gameId()).status()).isEqualTo(GameStatus.CANCELLED);
    List<EventType> types = f.types(game.gameId());
    assertThat(types).doesNotContain(EventType.GAME_STARTED);
  }
}
