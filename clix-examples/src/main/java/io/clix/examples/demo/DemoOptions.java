package io.clix.examples.demo;

import java.util.List;

/**
 * The demo's command-line flags: how many games, players and rounds, and which correlation modes
 * to run Clix in.
 */
record DemoOptions(int games, int players, int rounds, List<String> modes) {

  static final String USAGE = String.join("\n",
      "usage: demo [--games N] [--players N] [--rounds N] [--mode callbacks|activities|both]",
      "",
      "Replays the seed (many games on one shared Step Functions activity) and counts the joins that",
      "completed another game's task, then runs the same games through Clix and shows there are none.",
      "Everything runs in-process on the embedded local stack: no Docker, no Node, no AWS account.",
      "",
      "  --games N     games started together (default 8, 1..200)",
      "  --players N   players per game (default 4, 1..16)",
      "  --rounds N    rounds per game (default 3, 1..20)",
      "  --mode M      callbacks, activities or both (default both)",
      "  --help        this text");

  /** Thrown for a bad flag; the message is one line. */
  static final class BadFlag extends Exception {
    private static final long serialVersionUID = 1L;

    BadFlag(String message) {
      super(message);
    }
  }

  /** Parses the flags; returns null for {@code --help}. */
  static DemoOptions parse(String[] args) throws BadFlag {
    int games = 8;
    int players = 4;
    int rounds = 3;
    List<String> modes = List.of("callbacks", "activities");
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      switch (flag) {
        case "--help":
        case "-h":
          return null;
        case "--games":
          games = number(flag, value(args, ++i, flag), 1, 200);
          break;
        case "--players":
          players = number(flag, value(args, ++i, flag), 1, 16);
          break;
        case "--rounds":
          rounds = number(flag, value(args, ++i, flag), 1, 20);
          break;
        case "--mode":
          String mode = value(args, ++i, flag);
          switch (mode) {
            case "callbacks":
            case "activities":
              modes = List.of(mode);
              break;
            case "both":
              modes = List.of("callbacks", "activities");
              break;
            default:
              throw new BadFlag("--mode must be callbacks, activities or both, was '" + mode + "'");
          }
          break;
        default:
          throw new BadFlag("unknown flag '" + flag + "' (try --help)");
      }
    }
    return new DemoOptions(games, players, rounds, modes);
  }

  private static String value(String[] args, int i, String flag) throws BadFlag {
    if (i >= args.length) {
      throw new BadFlag(flag + " needs a value");
    }
    return args[i];
  }

  private static int number(String flag, String text, int min, int max) throws BadFlag {
    try {
      int n = Integer.parseInt(text);
      if (n < min || n > max) {
        throw new BadFlag(flag + " must be between " + min + " and " + max + ", was " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadFlag(flag + " must be a number, was '" + text + "'");
    }
  }
}
