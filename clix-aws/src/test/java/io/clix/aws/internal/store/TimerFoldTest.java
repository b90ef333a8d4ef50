package io.clix.aws.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.EventType;
import io.clix.core.GameEvent;
import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import io.clix.core.internal.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimerFoldTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static GameState lobbyWith(int players, int min) {
    GameSpec spec = GameSpec.builder().gameId("g").capacity(4).minPlayers(min).rounds(3)
        .lobbyTimeout(Duration.ofSeconds(20)).roundTimeout(Duration.ofSeconds(30)).build();
    GameState s = GameRules.create("g", spec, T0).state();
    for (int i = 1; i <= players; i++) {
      s = GameRules.join(s, "p" + i, null, T0).state();
    }
    return s;
  }

  @Test
  void markersFoldInTheOrderTheyFired() {
    GameState s = lobbyWith(2, 2);
    Instant lobbyAt = T0.plusSeconds(20);
    Instant round1At = lobbyAt.plusSeconds(30);

    Step step = TimerFold.fold(s, Map.of("round-1", round1At, "lobby", lobbyAt));

    assertThat(step.state().status()).isEqualTo(GameStatus.RUNNING);
    assertThat(step.state().round()).isEqualTo(2);
    assertThat(step.events()).extracting(GameEvent::type).containsExactly(EventType.GAME_STARTED,
        EventType.ROUND_OPENED, EventType.ROUND_CLOSED, EventType.ROUND_OPENED);
    assertThat(step.events().get(2).time()).isEqualTo(round1At);
  }

  @Test
  void aLobbyMarkerBelowTheMinimumCancels() {
    Step step = TimerFold.fold(lobbyWith(1, 2), Map.of("lobby", T0.plusSeconds(20)));

    assertThat(step.state().status()).isEqualTo(GameStatus.CANCELLED);
    assertThat(step.state().cancelReason()).isEqualTo(GameRules.LOBBY_TIMEOUT_REASON);
  }

  @Test
  void foldedMarkersAreNoOpsTheSecondTime() {
    Map<String, Instant> fired = Map.of("lobby", T0.plusSeconds(20), "round-1", T0.plusSeconds(50));
    GameState once = TimerFold.fold(lobbyWith(2, 2), fired).state();

    Step twice = TimerFold.fold(once, fired);

    assertThat(twice.unchanged()).isTrue();
    assertThat(twice.state()).isEqualTo(once);
  }
}
