package io.clix.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Specs whose execution could outgrow a Standard execution's history are refused, naming the field. */
class ExecutionLimitsTest {

  @Test
  void aDayLongLobbyWithTenSecondRoundsIsRefusedNamingTheLobbyTimeout() {
    assertThatThrownBy(() -> GameSpec.builder().lobbyTimeout(Duration.ofDays(1)).roundTimeout(Duration.ofSeconds(10))
        .build())
        .isInstanceOfSatisfying(InvalidGameSpecException.class, e -> assertThat(e.violations())
            .singleElement().satisfies(v -> {
              assertThat(v.field()).isEqualTo("lobbyTimeout");
              assertThat(v.rule()).contains("once per roundTimeout").contains("8640 × 24");
            }));
  }

  @Test
  void theLongestLobbyTheBudgetAllowsIsAccepted() {
    int rounds = 1;
    long polls = (Limits.MAX_HISTORY_EVENTS - (rounds + 1) * Limits.MAX_HISTORY_EVENTS_PER_WAIT - 20)
        / Limits.MAX_HISTORY_EVENTS_PER_LOBBY_POLL;
    Duration round = Duration.ofSeconds(85);

    GameSpec spec = GameSpec.builder().lobbyTimeout(round.multipliedBy(polls)).roundTimeout(round).rounds(rounds)
        .build();

    assertThat(spec.lobbyTimeout()).isEqualTo(Duration.ofSeconds(85 * 1020));
    assertThat(spec.lobbyTimeout()).isGreaterThan(Duration.ofDays(1));
    assertThatThrownBy(() -> spec.toBuilder().lobbyTimeout(round.multipliedBy(polls + 1)).build())
        .isInstanceOf(InvalidGameSpecException.class);
  }

  @Test
  void aHundredRoundsLeaveRoomForALobbyOfThirtyRoundTimeouts() {
    Duration round = Duration.ofSeconds(30);
    GameSpec.Builder builder = GameSpec.builder().rounds(Limits.MAX_ROUNDS).roundTimeout(round);

    assertThat(builder.lobbyTimeout(round.multipliedBy(30)).build().rounds()).isEqualTo(Limits.MAX_ROUNDS);
    assertThatThrownBy(() -> builder.lobbyTimeout(round.multipliedBy(31)).build())
        .isInstanceOf(InvalidGameSpecException.class)
        .hasMessageContaining("lobbyTimeout");
  }
}
