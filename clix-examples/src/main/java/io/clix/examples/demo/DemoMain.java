package io.clix.examples.demo;

import io.clix.core.GameOrchestrator;
import io.clix.testkit.InMemoryGameOrchestrator;
import io.clix.testkit.ManualClock;
import java.io.PrintStream;

/**
 * The demo: the README's first command. Runs in-process, prints a transcript and a summary, exits 0
 * (2 for a bad flag).
 */
public final class DemoMain {

  private DemoMain() {}

  public static void main(String[] args) throws Exception {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (DemoOptions.BadFlag e) {
      System.err.println("demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(DemoOptions.USAGE);
      return;
    }
    PrintStream out = System.out;
    out.println("== Clix on the in-memory orchestrator: " + options.games() + " games, "
        + options.players() + " players, " + options.rounds() + " rounds");
    try (GameOrchestrator games = InMemoryGameOrchestrator.create(ManualClock.create())) {
      ClixGamesRun.Outcome outcome = new ClixGamesRun("mem", options, games).run();
      ClixGamesRun.print(out, outcome);
      out.println();
      out.printf("%-28s %6s %9s %8s%n", "approach", "games", "finished", "mix-ups");
      out.printf("%-28s %6d %9d %8d%n", "Clix (in-memory)", outcome.games(), outcome.finished(), outcome.mixUps());
    }
  }
}
