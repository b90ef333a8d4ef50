package io.clix.aws.internal.router;

import io.clix.aws.internal.store.TokenStore;
import io.clix.core.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends SendTaskHeartbeat for the tasks this router stored, every interval on the orchestrator's
 * scheduler, until the task closes (completed by whichever backend moved the game on, or timed
 * out). Only needed when the definition sets HeartbeatSeconds; the tokens stay in this object's
 * memory only. A round of heartbeats counts as the router's work in progress until answered.
 */
final class Heartbeats implements AutoCloseable {

  private final TokenStore tokens;
  private final Scheduler scheduler;
  private final Duration interval;
  private final ActivityTaskRouter.Work work;
  private final Map<String, String> tracked = new ConcurrentHashMap<>();
  private volatile Scheduler.Cancellable next;
  private volatile boolean closed;

  Heartbeats(TokenStore tokens, Scheduler scheduler, Duration interval, ActivityTaskRouter.Work work) {
    this.tokens = tokens;
    this.scheduler = scheduler;
    this.interval = interval;
    this.work = work;
    this.next = scheduler.schedule(interval, this::beat);
  }

  void track(String gameId, String token) {
    tracked.put(token, gameId);
  }

  private void beat() {
    if (closed) {
      return;
    }
    work.begin();
    List<CompletableFuture<Void>> beats = new ArrayList<>();
    tracked.forEach((token, gameId) -> beats.add(tokens.heartbeat(gameId, token).thenAccept(open -> {
      if (!open) {
        tracked.remove(token);
      }
    })));
    CompletableFuture.allOf(beats.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
      if (!closed) {
        next = scheduler.schedule(interval, this::beat);
      }
      work.end();
    });
  }

  @Override
  public void close() {
    closed = true;
    Scheduler.Cancellable pending = next;
    if (pending != null) {
      pending.cancel();
    }
    tracked.clear();
  }
}
