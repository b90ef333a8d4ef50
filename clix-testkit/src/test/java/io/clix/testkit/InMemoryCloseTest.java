package io.clix.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.IntNode;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.OrchestratorClosedException;
import io.clix.core.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** After close() the in-memory orchestrator refuses every call with OrchestratorClosedException and writes nothing. */
class InMemoryCloseTest {

  @Test
  void everyCallAfterCloseIsRefusedAndWritesNothing() {
    ManualClock clock = ManualClock.create();
    InMemoryGameOrchestrator games = InMemoryGameOrchestrator.create(clock);
    String id = games.createGame(GameSpec.builder().gameId("before").capacity(2).build()).gameId();
    games.join(id, "alice");
    List<GameEvent> heard = new CopyOnWriteArrayList<>();
    games.addListener(heard::add);
    games.close();

    assertThatThrownBy(() -> games.createGame(GameSpec.builder().gameId("after").build()))
        .isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.join(id, "bob")).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.leave(id, "alice")).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.startNow(id)).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.submitMove(id, "alice", 1, IntNode.valueOf(1)))
        .isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.finish(id, null)).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.cancel(id, "bye")).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.describe(id)).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.events(id, 0)).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.addListener(e -> { })).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.createGameAsync(GameSpec.builder().gameId("after").build()).get())
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OrchestratorClosedException.class);
    // Closed is told before any argument is checked.
    assertThatThrownBy(() -> games.createGame(null)).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.join("bad id!", null)).isInstanceOf(OrchestratorClosedException.class);
    assertThatThrownBy(() -> games.submitMoveAsync(id, "alice", 0, null).get())
        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(OrchestratorClosedException.class);
    clock.advance(Duration.ofMinutes(5)); // the lobby timer does not fire into a closed orchestrator

    assertThat(heard).as("no change was made, so no event was told").isEmpty();
  }
}
