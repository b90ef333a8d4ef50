package io.clix.core;

/**
 * A move named a round that is not open: one already closed, or one not yet opened.
 * {@link #currentRound()} is the open round (0 before the first one opens).
 */
public class RoundNotOpenException extends ClixException {
  private static final long serialVersionUID = 1L;

  private final int round;
  private final int currentRound;

  public RoundNotOpenException(String gameId, int round, int currentRound) {
    super("round " + round + " of game " + gameId + " is not open"
        + (round < currentRound ? " (it is closed)" : " (it has not opened)")
        + "; the current round is " + currentRound, gameId);
    this.round = round;
    this.currentRound = currentRound;
  }

  /** The round the move named. */
  public int round() {
    return round;
  }

  /** The round open when the move arrived, 0 if none. */
  public int currentRound() {
    return currentRound;
  }
}
