package io.clix.examples.demo;

import io.clix.aws.AwsGameOrchestrator;
import io.clix.aws.Correlation;
import io.clix.local.junit5.ClixLocalEnvironment;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo, the README's first command: replays the seed's shared-activity design and counts its
 * mix-ups, then runs the same games through Clix in each correlation mode on two backend instances,
 * all in-process on the embedded local stack. Exits 0, or 2 for a bad flag.
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
    run(options, System.out);
    System.exit(0); // the SDK's async clients keep non-daemon threads for a while
  }

  static void run(DemoOptions options, PrintStream out) throws Exception {
    List<String> summary = new ArrayList<>();
    try (ClixLocalEnvironment aws = ClixLocalEnvironment.builder().namePrefix("demo-seed").start()) {
      out.println("Clix demo on the embedded local stack at " + aws.stack().endpoint() + ": "
          + options.games() + " games, " + options.players() + " players each, " + options.rounds() + " rounds");
      out.println();
      out.println("== Part 1: the seed as written (every game waits on one shared JoinGame activity)");
      SeedReplay.Outcome seed = SeedReplay.run(aws.stack(), aws.sfn(), options.games(), options.players());
      out.println(seed.joins() + " players polled the shared activity; " + seed.completed()
          + " completed a task; " + seed.mixUps() + " of those completed another game's task:");
      seed.lines().forEach(out::println);
      summary.add(row("seed: one shared activity", seed.games(), seed.completed(), 0, seed.mixUps()));

      int part = 2;
      for (String mode : options.modes()) {
        Correlation correlation = Correlation.valueOf(mode.toUpperCase(Locale.ROOT));
        out.println();
        out.println("== Part " + part++ + ": Clix, " + mode + " (two backend instances, calls in random order)");
        ClixGamesRun.Outcome outcome;
        try (ClixLocalEnvironment env = aws.toBuilder().correlation(correlation).namePrefix("demo-" + mode).start()) {
          AwsGameOrchestrator first = env.orchestrator(mode + "-backend-1");
          AwsGameOrchestrator second = env.orchestrator(mode + "-backend-2");
          outcome = new ClixGamesRun(mode, options, first, second).run();
          env.settle();
        }
        ClixGamesRun.print(out, outcome);
        summary.add(row("Clix, " + mode, outcome.games(), outcome.games() * options.players(),
            outcome.finished(), outcome.mixUps()));
      }
    }
    out.println();
    out.println("== Summary");
    out.println(String.format("%-28s %6s %15s %9s %8s", "approach", "games", "joins completed", "finished", "mix-ups"));
    summary.forEach(out::println);
  }

  private static String row(String approach, int games, int joins, int finished, int mixUps) {
    return String.format("%-28s %6d %15d %9d %8d", approach, games, joins, finished, mixUps);
  }
}
