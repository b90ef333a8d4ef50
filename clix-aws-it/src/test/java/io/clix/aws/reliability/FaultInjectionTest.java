package io.clix.aws.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.aws.Correlation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Under faults on at least 20 % of the AWS calls (throttling, 500, 503, resets, lost answers,
 * stalls), 1,000 concurrent joins and moves across two orchestrator instances lose nothing, apply
 * nothing twice, never overfill a game, never let one game's token complete another's wait, and
 * every call that fails throws a typed Clix error.
 */
class FaultInjectionTest {

  // 40 games of 4 seats, 1 extra joiner each, 5 rounds: 200 joins + 800 moves = 1,000 calls.

  @Test
  void underFaultsNothingIsLostNothingDoubledNoGameOverCapacity() {
    FaultyRun.Shape shape = new FaultyRun.Shape(40, 4, 5, 1, 0.25, 48);
    assertThat(shape.calls()).isEqualTo(1000);
    runAndCheck(Correlation.CALLBACKS, shape);
  }

  /** The same under activities correlation, where the task router's calls meet the faults too (fewer games). */
  @Test
  void theTaskRouterUnderFaultsLosesNothingEither() {
    runAndCheck(Correlation.ACTIVITIES, new FaultyRun.Shape(16, 4, 3, 1, 0.25, 32));
  }

  private static void runAndCheck(Correlation correlation, FaultyRun.Shape shape) {
    try (FaultyRun run = new FaultyRun(correlation, shape)) {
      long started = System.nanoTime();
      run.play();
      long playedMillis = (System.nanoTime() - started) / 1_000_000;
      FaultyRun.Verdict verdict = run.verify();
      TokenTrail trail = new TokenTrail();
      run.games().forEach(g -> trail.history(g, run.deployment.history(g)));
      trail.activityTasks(run.proxy.journal()).check(run.proxy.journal());

      double share = (double) run.proxy.injectedTotal() / run.proxy.calls();
      System.out.printf("%s fault run: %d joins+moves in %d ms through 2 instances%n", correlation, shape.calls(),
          playedMillis);
      System.out.println("calls: " + run.ledger.summary());
      System.out.println("setup (creates): " + run.setup.summary());
      System.out.printf("AWS calls through the proxy: %d, faults injected: %d (%.1f %%) %s%n",
          run.proxy.calls(), run.proxy.injectedTotal(), share * 100, run.proxy.injected());
      System.out.printf("lost = %d, doubled = %d, over capacity = %d, not finished = %d, "
          + "executions not succeeded = %d, waits left to their timers = %d%n", verdict.lost(), verdict.doubled(),
          verdict.overCapacity(), verdict.notFinished(), verdict.executionsNotSucceeded(), verdict.waitsLeftToTimers());
      System.out.println(trail.summary());
      verdict.details().stream().limit(20).forEach(d -> System.out.println("  " + d));

      assertThat(run.ledger.attempted()).isEqualTo(shape.calls());
      assertThat(share).as("share of AWS calls faulted").isGreaterThanOrEqualTo(0.20);
      assertThat(run.ledger.untyped()).as("errors that are not typed Clix errors").isEmpty();
      assertThat(run.setup.untyped()).isEmpty();
      assertThat(run.ledger.givenUp() + run.setup.givenUp()).as("calls still failing after 25 tries").isZero();
      assertThat(verdict.lost()).as("accepted joins and moves lost").isZero();
      assertThat(verdict.doubled()).as("joins and moves applied twice").isZero();
      assertThat(verdict.overCapacity()).as("games over capacity").isZero();
      assertThat(verdict.notFinished()).as("games not finished").isZero();
      assertThat(verdict.executionsNotSucceeded()).isZero();
      assertThat(trail.problems()).as("tokens that left their own game").isEmpty();
      assertThat(trail.issued()).isNotEmpty();
      assertThat(run.ledger.typedErrors().keySet())
          .as("every refusal is a typed error; the extra joiners are refused as full")
          .anyMatch(k -> k.startsWith("GameFullException") || k.startsWith("GameStateException"));
      List<String> kinds = List.copyOf(run.proxy.injected().keySet());
      assertThat(kinds).anyMatch(k -> k.endsWith("DynamoDB")).anyMatch(k -> k.endsWith("StepFunctions"));
    }
  }
}
