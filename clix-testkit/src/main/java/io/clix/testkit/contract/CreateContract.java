package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.core.EventType;
import io.clix.core.GameAlreadyExistsException;
import io.clix.core.GameNotFoundException;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import io.clix.core.InvalidGameSpecException;
import io.clix.core.InvalidRequestException;
import io.clix.core.InvalidRequestException.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Creating games and addressing them: generated and caller-chosen ids, idempotent creation,
 * conflicting specs, invalid specs, unknown games and malformed ids.
 */
public interface CreateContract extends ContractPart {

  @Test
  default void createWithoutIdGeneratesAValidExecutionName() {
    Fixture f = Fixture.of(this);
    GameSpec spec = GameSpec.builder().capacity(3).build();
    GameView a = f.games.createGame(spec);
    GameView b = f.games.createGame(spec);

    assertThat(a.gameId()).matches("[A-Za-z0-9_-]{1,80}");
    assertThat(b.gameId()).matches("[A-Za-z0-9_-]{1,80}").isNotEqualTo(a.gameId());
    assertThat(a.spec().gameId()).contains(a.gameId());
    assertThat(f.games.describe(a.gameId()).gameId()).isEqualTo(a.gameId());
    assertThat(f.games.describe(b.gameId()).version()).isEqualTo(1);
  }

  @Test
  default void createPutsANewGameInTheLobby() {
    Fixture f = Fixture.of(this);
    GameSpec spec = Fixture.spec("create").capacity(5).minPlayers(3).rounds(4)
        .metadata(json("{\"map\":\"desert\",\"ranked\":true}")).build();
    GameView created = f.games.createGame(spec);
    GameView view = f.games.describe(spec.gameId().orElseThrow());

    assertThat(created).isEqualTo(view);
    assertThat(view.gameId()).isEqualTo(spec.gameId().orElseThrow());
    assertThat(view.spec()).isEqualTo(spec);
    assertThat(view.spec().metadata()).isEqualTo(json("{\"map\":\"desert\",\"ranked\":true}"));
    assertThat(view.status()).isEqualTo(GameStatus.LOBBY);
    assertThat(view.players()).isEmpty();
    assertThat(view.currentRound()).isZero();
    assertThat(view.roundDeadline()).isEmpty();
    assertThat(view.movedPlayers()).isEmpty();
    assertThat(view.createdAt()).isEqualTo(f.now());
    assertThat(view.lobbyDeadline()).contains(f.now().plus(Fixture.LOBBY_TIMEOUT));
    assertThat(view.startedAt()).isEmpty();
    assertThat(view.endedAt()).isEmpty();
    assertThat(view.result()).isEmpty();
    assertThat(view.cancelReason()).isEmpty();
    assertThat(view.version()).isEqualTo(1);
    assertThat(f.types(view.gameId())).containsExactly(EventType.GAME_CREATED);
  }

  @Test
  default void createWithSameIdAndSameSpecReturnsTheExistingGame() {
    Fixture f = Fixture.of(this);
    GameSpec spec = Fixture.spec("same").capacity(3).metadata(json("{\"table\":7}")).build();
    GameView first = f.games.createGame(spec);
    f.games.join(first.gameId(), "alice");
    f.advance(Duration.ofSeconds(2));

    GameSpec again = GameSpec.builder().from(spec).metadata(json("{\"table\":7}")).build();
    GameView second = f.games.createGame(again);

    assertThat(second.gameId()).isEqualTo(first.gameId());
    assertThat(second.createdAt()).isEqualTo(first.createdAt());
    assertThat(second.players()).extracting(p -> p.playerId()).containsExactly("alice");
    assertThat(second.version()).isEqualTo(2);
    assertThat(f.eventsOf(first.gameId(), EventType.GAME_CREATED)).hasSize(1);
  }

  @Test
  default void createWithSameIdAndDifferentSpecFails() {
    Fixture f = Fixture.of(this);
    GameSpec spec = Fixture.spec("conflict").capacity(3).build();
    f.games.createGame(spec);

    List<GameSpec> others = List.of(
        GameSpec.builder().from(spec).capacity(4).build(),
        GameSpec.builder().from(spec).rounds(2).build(),
        GameSpec.builder().from(spec).roundTimeout(Duration.ofSeconds(31)).build(),
        GameSpec.builder().from(spec).metadata(json("{\"x\":1}")).build());
    for (GameSpec other : others) {
      GameAlreadyExistsException e = catchThrowableOfType(GameAlreadyExistsException.class,
          () -> f.games.createGame(other));
      assertThat(e).as("creating %s over %s", other, spec).isNotNull();
      assertThat(e.gameId()).isEqualTo(spec.gameId());
      assertThat(e.getMessage()).contains(spec.gameId().orElseThrow());
    }
    GameView view = f.games.describe(spec.gameId().orElseThrow());
    assertThat(view.spec()).isEqualTo(spec);
    assertThat(view.version()).isEqualTo(1);
  }

  @Test
  default void invalidSpecFailsOnceListingEveryViolation() {
    InvalidGameSpecException e = catchThrowableOfType(InvalidGameSpecException.class,
        () -> GameSpec.builder().gameId("not valid!").capacity(3).minPlayers(4)
            .lobbyTimeout(Duration.ZERO).rounds(0).roundTimeout(Duration.ofMillis(1500))
            .metadata(json("[1,2]")).build());

    assertThat(e).isNotNull().isInstanceOf(InvalidRequestException.class);
    assertThat(e.violations()).extracting(Violation::field).containsExactly(
        "gameId", "minPlayers", "lobbyTimeout", "rounds", "roundTimeout", "metadata");
    assertThat(e.getMessage()).contains("gameId", "minPlayers", "lobbyTimeout", "rounds", "roundTimeout", "metadata");
  }

  @Test
  default void everyCallOnAnUnknownGameFailsWithGameNotFound() {
    Fixture f = Fixture.of(this);
    String id = Fixture.id("missing");
    Map<String, Consumer<GameOrchestrator>> calls = Map.of(
        "describe", g -> g.describe(id),
        "events", g -> g.events(id, 0),
        "join", g -> g.join(id, "alice"),
        "leave", g -> g.leave(id, "alice"),
        "startNow", g -> g.startNow(id),
        "submitMove", g -> g.submitMove(id, "alice", 1, json("1")),
        "finish", g -> g.finish(id, json("{}")),
        "cancel", g -> g.cancel(id, "no reason"));
    calls.forEach((name, call) -> {
      GameNotFoundException e = catchThrowableOfType(GameNotFoundException.class, () -> call.accept(f.games));
      assertThat(e).as(name).isNotNull();
      assertThat(e.gameId()).as(name).contains(id);
      assertThat(e.getMessage()).as(name).contains(id);
    });
  }

  @Test
  default void everyCallRejectsAMalformedGameIdNamingTheField() {
    Fixture f = Fixture.of(this);
    List<String> badIds = List.of("", "has space", "semi;colon", "x".repeat(81), "caf\u00e9");
    for (String id : badIds) {
      Map<String, Consumer<GameOrchestrator>> calls = Map.of(
          "describe", g -> g.describe(id),
          "events", g -> g.events(id, 0),
          "join", g -> g.join(id, "alice"),
          "leave", g -> g.leave(id, "alice"),
          "startNow", g -> g.startNow(id),
          "submitMove", g -> g.submitMove(id, "alice", 1, json("1")),
          "finish", g -> g.finish(id, json("{}")),
          "cancel", g -> g.cancel(id, "no reason"));
      calls.forEach((name, call) -> {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> call.accept(f.games));
        assertThat(e).as("%s(\"%s\")", name, id).isNotNull();
        assertThat(e.violations()).as(name).extracting(Violation::field).containsExactly("gameId");
        assertThat(e.isRetryable()).isFalse();
      });
    }
    assertThatThrownBy(() -> f.games.describe(null)).isInstanceOf(InvalidRequestException.class);
  }
}
