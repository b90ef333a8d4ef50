package io.clix.aws.internal.router;

import io.clix.aws.internal.store.TokenStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends SendTaskHeartbeat for the tasks this router stored, every interval, until the task closes
 * (completed by whichever backend moved the game on, or timed out). Only needed when the
 * definition sets HeartbeatSeconds; the tokens stay in this object's memory only.
 */
final class Heartbeats implements AutoCloseable {

  private final TokenStore tokens;
  private final ScheduledExecutorService timer;
  private final Map<String, String> tracked = new ConcurrentHashMap<>();

  Heartbeats(TokenStore tokens, Duration interval) {
    this.tokens = tokens;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "clix-router-heartbeats");
      t.setDaemon(true);
      return t;
    });
    long millis = Math.max(1, interval.toMillis());
    timer.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
  }

  void track(String gameId, String token) {
    tracked.put(token, gameId);
  }

  private void beat() {
    tracked.forEach((token, gameId) -> tokens.heartbeat(gameId, token).thenAccept(open -> {
      if (!open) {
        tracked.remove(token);
      }
    }).join());
  }

  @Override
  public void close() {
    timer.shutdownNow();
    tracked.clear();
  }
}
