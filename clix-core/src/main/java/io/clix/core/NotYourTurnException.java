package io.clix.core;

/**
 * A move in a {@link PlayMode#TURNS} game came from a player whose turn it is not. {@link
 * #currentPlayer()} is the player whose turn is open; nothing was written.
 */
public class NotYourTurnException extends ClixException {
  private static final long serialVersionUID = 1L;

  private final String playerId;
  private final String currentPlayer;
  private final int round;

  public NotYourTurnException(String gameId, String playerId, int round, String currentPlayer) {
    super("it is not " + playerId + "'s turn in round " + round + " of game " + gameId + ": it is "
        + currentPlayer + "'s", gameId);
    this.playerId = playerId;
    this.currentPlayer = currentPlayer;
    this.round = round;
  }

  /** The player who tried to move. */
  public String playerId() {
    return playerId;
  }

  /** The player whose turn is open. */
  public String currentPlayer() {
    return currentPlayer;
  }

  /** The open round. */
  public int round() {
    return round;
  }
}
