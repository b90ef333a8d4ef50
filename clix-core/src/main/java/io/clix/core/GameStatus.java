package io.clix.core;

/** Where a game is in its life: the lobby, the rounds, or one of the two ends. */
public enum GameStatus {
  /** Players may join and leave; the game has not started. */
  LOBBY,
  /** The game has started; rounds gather moves. */
  RUNNING,
  /** The game ended normally, by its last round or by {@code finish}. */
  FINISHED,
  /**
   * The game ended without finishing: by {@code cancel}, a lobby timeout below the minimum, or the
   * last active player leaving.
   */
  CANCELLED;

  /** True for the two end states, from which nothing moves. */
  public boolean isEnded() {
    return this == FINISHED || this == CANCELLED;
  }
}
