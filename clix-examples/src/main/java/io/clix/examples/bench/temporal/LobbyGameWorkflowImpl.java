package io.clix.examples.bench.temporal;

import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The workflow implementation: the same lobby and round rules as the Clix game, in Temporal's durable timers. */
public final class LobbyGameWorkflowImpl implements LobbyGameWorkflow {

  private final List<String> seats = new ArrayList<>();
  private final Map<String, String> moves = new HashMap<>();
  private int capacity = Integer.MAX_VALUE;
  private boolean lobbyOpen = true;
  private int round;
  private int recorded;

  @Override
  public int play(int capacity, int minPlayers, int rounds, long lobbyTimeoutSeconds, long roundTimeoutSeconds) {
    this.capacity = capacity;
    Workflow.await(Duration.ofSeconds(lobbyTimeoutSeconds), () -> seats.size() >= capacity);
    lobbyOpen = false;
    if (seats.size() < minPlayers) {
      return -1;
    }
    for (int r = 1; r <= rounds; r++) {
      round = r;
      moves.clear();
      Workflow.await(Duration.ofSeconds(roundTimeoutSeconds), () -> moves.size() == seats.size());
      recorded += moves.size();
    }
    return recorded;
  }

  @Override
  public void join(String playerId) {
    if (lobbyOpen && seats.size() < capacity && !seats.contains(playerId)) {
      seats.add(playerId);
    }
  }

  @Override
  public void move(String playerId, int round, String move) {
    if (round == this.round && seats.contains(playerId)) {
      moves.putIfAbsent(playerId, move);
    }
  }
}
