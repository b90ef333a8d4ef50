package io.clix.aws.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.internal.store.WaitPoint.Relation;
import io.clix.core.GameSpec;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WaitPointTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final GameState lobby = GameRules.create("g",
      GameSpec.builder().gameId("g").capacity(2).rounds(3).build(), T0).state();
  private final GameState round1 = GameRules.join(GameRules.join(lobby, "a", null, T0).state(), "b", null, T0)
      .state();
  private final GameState round2 = GameRules.roundDeadline(round1, 1, T0).state();

  @Test
  void pointsAreNamedForTheLobbyAndEachRound() {
    assertThat(WaitPoint.current(lobby)).isEqualTo("lobby");
    assertThat(WaitPoint.current(round2)).isEqualTo("round-2");
    assertThat(WaitPoint.current(GameRules.cancel(round2, "x", T0).state())).isEqualTo("end");
    assertThat(WaitPoint.isWellFormed("round-0")).isFalse();
    assertThat(WaitPoint.isWellFormed("round-x")).isFalse();
    assertThat(WaitPoint.isWellFormed("Lobby")).isFalse();
  }

  @Test
  void aPointIsCurrentPassedOrWrong() {
    assertThat(WaitPoint.relate("lobby", lobby)).isEqualTo(Relation.CURRENT);
    assertThat(WaitPoint.relate("round-1", lobby)).isEqualTo(Relation.WRONG);
    assertThat(WaitPoint.relate("lobby", round2)).isEqualTo(Relation.PASSED);
    assertThat(WaitPoint.relate("round-1", round2)).isEqualTo(Relation.PASSED);
    assertThat(WaitPoint.relate("round-2", round2)).isEqualTo(Relation.CURRENT);
    assertThat(WaitPoint.relate("round-3", round2)).isEqualTo(Relation.WRONG);
    assertThat(WaitPoint.relate("round-4", round2)).isEqualTo(Relation.WRONG);
    GameState cancelledInLobby = GameRules.cancel(lobby, "x", T0).state();
    assertThat(WaitPoint.relate("round-1", cancelledInLobby)).isEqualTo(Relation.WRONG);
    assertThat(WaitPoint.relate("lobby", cancelledInLobby)).isEqualTo(Relation.PASSED);
  }
}
