package io.clix.testkit.contract;

import static io.clix.testkit.contract.Fixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameStateException;
import io.clix.core.GameStatus;
import io.clix.core.GameView;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A game that finished by its last round, with no result, takes the backend's result once. */
public interface ResultContract extends ContractPart {

  @Test
  default void aGameFinishedByItsLastRoundTakesOneResult() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("result-after", 1, "alice", "bob");
    f.advance(Fixture.ROUND_TIMEOUT);
    GameView ended = f.games.describe(game.gameId());
    assertThat(ended.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(ended.result()).isEmpty();
    f.advance(Duration.ofSeconds(4));

    GameView recorded = f.games.finish(game.gameId(), json("{\"winner\":\"alice\"}"));

    assertThat(recorded.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(recorded.result()).contains(json("{\"winner\":\"alice\"}"));
    assertThat(recorded.endedAt()).isEqualTo(ended.endedAt());
    assertThat(recorded.version()).isEqualTo(ended.version() + 1);
    assertThat(recorded).isEqualTo(f.games.describe(game.gameId()));
    GameEvent event = f.only(game.gameId(), EventType.RESULT_RECORDED);
    assertThat(event.data().path("result")).isEqualTo(json("{\"winner\":\"alice\"}"));
    assertThat(event.data().path("trigger").asText()).isEqualTo("backend");
    assertThat(event.time()).isEqualTo(f.now());
    assertThat(f.only(game.gameId(), EventType.GAME_FINISHED).data().path("trigger").asText()).isEqualTo("lastRound");
  }

  @Test
  default void theRecordedResultIsIdempotentAndFinal() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("result-final", 1, "alice", "bob");
    f.games.submitMove(game.gameId(), "alice", 1, json("1"));
    f.games.submitMove(game.gameId(), "bob", 1, json("2"));
    GameView first = f.games.finish(game.gameId(), json("[\"bob\"]"));

    GameView again = f.games.finish(game.gameId(), json("[\"bob\"]"));
    GameStateException other = catchThrowableOfType(GameStateException.class,
        () -> f.games.finish(game.gameId(), json("[\"alice\"]")));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotNull();
    assertThat(other.status()).isEqualTo(GameStatus.FINISHED);
    assertThat(f.eventsOf(game.gameId(), EventType.RESULT_RECORDED)).hasSize(1);
    assertThat(f.games.describe(game.gameId())).isEqualTo(first);
  }

  @Test
  default void finishingWithoutAResultLeavesItOpen() {
    Fixture f = Fixture.of(this);
    GameView game = f.running("result-none", 1, "alice", "bob");
    f.advance(Fixture.ROUND_TIMEOUT);
    GameView ended = f.games.describe(game.gameId());

    assertThat(f.games.finish(game.gameId(), null)).isEqualTo(ended);
    assertThat(f.eventsOf(game.gameId(), EventType.RESULT_RECORDED)).isEmpty();
  }
}
