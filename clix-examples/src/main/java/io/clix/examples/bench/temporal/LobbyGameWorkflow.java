package io.clix.examples.bench.temporal;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The benchmark's game as a Temporal workflow, so the same scenario runs on Temporal's time-skipping
 * test server beside Clix: a lobby that starts when full or at its timeout (with at least the minimum
 * of players), then a fixed number of rounds, each closed when every seated player moved or at its
 * deadline. Benchmark-only: Clix itself never depends on Temporal.
 */
@WorkflowInterface
public interface LobbyGameWorkflow {

  /** Plays the game; returns the number of moves recorded, or -1 if the lobby was cancelled. */
  @WorkflowMethod
  int play(int capacity, int minPlayers, int rounds, long lobbyTimeoutSeconds, long roundTimeoutSeconds);

  /** A player takes a seat (ignored once the lobby closed or when full). */
  @SignalMethod
  void join(String playerId);

  /** A seated player's move for a round (ignored outside that round or when repeated). */
  @SignalMethod
  void move(String playerId, int round, String move);
}
