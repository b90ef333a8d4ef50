package io.clix.aws.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.GameSpec;
import io.clix.core.GameStatus;
import io.clix.core.PlayMode;
import io.clix.core.internal.GameRules;
import io.clix.core.internal.GameState;
import io.clix.core.internal.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimerScheduleTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static GameState turnsGame(int rounds) {
    GameSpec spec = GameSpec.builder().gameId("g").capacity(3).minPlayers(1).rounds(rounds)
        .playMode(PlayMode.TURNS).turnTimeout(Duration.ofSeconds(10)).build();
    GameState s = GameRules.create("g", spec, T0).state();
    for (String p : List.of("a", "b", "c")) {
      s = GameRules.join(s, p, null, T0).state();
    }
    return s;
  }

  @Test
  void aTurnsGameSchedulesOneDeadlinePerTurnAtTheRoundsWaitingPoint() {
    GameState s = turnsGame(2);

    List<TimerSchedule.Tick> ticks = TimerSchedule.of(s);

    assertThat(ticks).extracting(TimerSchedule.Tick::point)
        .containsExactly("turn-1", "turn-2", "turn-3", "turn-4", "turn-5", "turn-6");
    assertThat(ticks).extracting(TimerSchedule.Tick::at)
        .containsExactly(T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30), T0.plusSeconds(40),
            T0.plusSeconds(50), T0.plusSeconds(60));
    assertThat(ticks).extracting(TimerSchedule.Tick::next)
        .containsExactly("round-1", "round-1", "round-2", "round-2", "round-2", "end");
    assertThat(ticks.get(5).status()).isEqualTo(GameStatus.FINISHED);
  }

  @Test
  void aMoveReplacesTheScheduleWithTheNextTurnsDeadline() {
    GameState s = GameRules.move(turnsGame(1), "a", 1, com.fasterxml.jackson.databind.node.IntNode.valueOf(1),
        T0.plusSeconds(4)).state();

    assertThat(TimerSchedule.of(s)).extracting(TimerSchedule.Tick::point, TimerSchedule.Tick::at)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("turn-2", T0.plusSeconds(14)),
            org.assertj.core.groups.Tuple.tuple("turn-3", T0.plusSeconds(24)));
  }

  @Test
  void turnMarkersFoldLikeTheRulesFireThem() {
    GameState s = turnsGame(1);

    Step step = TimerFold.fold(s, Map.of("turn-2", T0.plusSeconds(20), "turn-1", T0.plusSeconds(10),
        "turn-9", T0.plusSeconds(30)));

    assertThat(step.state().turn().player()).isEqualTo("c");
    assertThat(step.state().turn().deadline()).isEqualTo(T0.plusSeconds(30));
    assertThat(WaitPoint.timerOf("turn-0")).isEmpty();
    assertThat(WaitPoint.isWellFormed("turn-1")).as("a turn is no waiting point").isFalse();
  }

  @Test
  void aDueTurnDeadlineIsAppliedAtItsInstantWithoutAMarker() {
    GameState s = turnsGame(1);

    Step early = TimerFold.fold(s, Map.of(), T0.plusSeconds(9));
    Step due = TimerFold.fold(s, Map.of(), T0.plusSeconds(25));

    assertThat(early.unchanged()).isTrue();
    assertThat(due.state().turn().player()).isEqualTo("c");
    assertThat(due.events()).allSatisfy(e -> assertThat(e.time()).isBefore(T0.plusSeconds(25)));
    assertThat(due.events().get(0).time()).isEqualTo(T0.plusSeconds(10));
  }
}
