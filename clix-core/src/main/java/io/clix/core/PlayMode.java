package io.clix.core;

/**
 * How the players of a running game move in each round, set by {@link GameSpec#playMode()}:
 * {@link #SIMULTANEOUS} (everyone at once, the round closes when all moved or at its deadline) or
 * {@link #TURNS} (one at a time in seat order, each turn with its own deadline).
 */
public enum PlayMode {
  /** Every active player moves once per round, in any order, before the round's deadline. */
  SIMULTANEOUS,
  /**
   * The active players move one at a time in seat order (the first seat rotating each round if
   * {@link GameSpec#rotateFirstSeat()}); each turn lasts at most {@link GameSpec#turnTimeout()},
   * the next opens as soon as the current player moves, and the round closes after its last turn.
   * Only the player whose turn it is may move; players who left are skipped.
   */
  TURNS
}
