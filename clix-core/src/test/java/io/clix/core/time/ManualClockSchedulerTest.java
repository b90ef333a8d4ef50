package io.clix.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A manual clock as a scheduler: actions run only when the clock reaches them, in due order, at their instant. */
class ManualClockSchedulerTest {

  @Test
  void actionsRunInDueOrderAtTheirInstantOnlyWhenTheClockMoves() {
    ManualClock clock = ManualClock.create();
    Scheduler scheduler = clock.scheduler();
    List<String> ran = new ArrayList<>();
    scheduler.schedule(Duration.ofSeconds(5), () -> ran.add("b@" + clock.instant()));
    scheduler.schedule(Duration.ofSeconds(2), () -> {
      ran.add("a@" + clock.instant());
      scheduler.schedule(Duration.ofSeconds(1), () -> ran.add("a2@" + clock.instant()));
    });
    Scheduler.Cancellable cancelled = scheduler.schedule(Duration.ofSeconds(3), () -> ran.add("never"));

    assertThat(cancelled.cancel()).isTrue();
    assertThat(ran).isEmpty();
    clock.advance(Duration.ofSeconds(10));

    Instant start = ManualClock.DEFAULT_START;
    assertThat(ran).containsExactly("a@" + start.plusSeconds(2), "a2@" + start.plusSeconds(3),
        "b@" + start.plusSeconds(5));
    assertThat(cancelled.cancel()).isFalse();
  }

  @Test
  void aZeroDelayRunsOnTheNextTickNotOnTheCallingThread() {
    ManualClock clock = ManualClock.create();
    List<String> ran = new ArrayList<>();
    clock.scheduler().schedule(Duration.ZERO, () -> ran.add("now"));
    assertThat(ran).isEmpty();
    clock.fireDue();
    assertThat(ran).containsExactly("now");
  }

  @Test
  void zoneViewsShareOneScheduler() {
    ManualClock clock = ManualClock.create();
    assertThat(clock.withZone(java.time.ZoneId.of("Europe/Paris")).scheduler()).isSameAs(clock.scheduler());
    assertThat(clock.scheduler().clock().instant()).isEqualTo(clock.instant());
  }

  @Test
  void theSystemSchedulerRunsOnTheSystemClock() throws Exception {
    java.util.concurrent.CompletableFuture<String> ran = new java.util.concurrent.CompletableFuture<>();
    Scheduler.system().schedule(Duration.ZERO, () -> ran.complete(Thread.currentThread().getName()));
    assertThat(ran.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("clix-scheduler");
  }
}
