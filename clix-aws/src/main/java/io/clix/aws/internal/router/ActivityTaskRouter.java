package io.clix.aws.internal.router;

import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.aws.internal.store.GameStore;
import io.clix.aws.internal.store.TaskFiling;
import io.clix.aws.internal.store.TokenStore;
import io.clix.aws.internal.store.WaitPoint;
import io.clix.core.GameNotFoundException;
import io.clix.core.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskRequest;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;

/**
 * Routes the tasks of the shared activities to their games: a bounded pool of long-polling workers
 * (GetActivityTask holds a poll up to 60 s, so the Step Functions client's read timeout must
 * exceed 65 s). For each task it reads the game id and waiting point (or timer) the generated
 * definition puts in the task input and checks them against the game's record; then a wait's
 * token is filed under that game ({@link TaskFiling}: a conditional write, or SendTaskSuccess at
 * once if the game has moved on), and a timer's game is folded and the task completed. A task whose
 * input names no game, an unknown game or the wrong waiting point fails with SendTaskFailure and a
 * clear error ({@link RouterErrors}); nothing is dropped silently.
 */
public final class ActivityTaskRouter implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ActivityTaskRouter.class);
  private static final Duration ERROR_BACKOFF = Duration.ofMillis(200);

  /** What the tasks of one activity are. */
  public enum Kind {
    LOBBY("waitPoint"), ROUND("waitPoint"), TIMERS("timer");

    final String field;

    Kind(String field) {
      this.field = field;
    }

    /** The kind's name in metrics: {@code lobby}, {@code round} or {@code timers}. */
    String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One activity the router polls. */
  public record Polled(String activityArn, Kind kind) {}

  /** Work in progress the router counts (a task being handled, a round of heartbeats). */
  interface Work {
    void begin();

    void end();
  }

  private final AwsCalls calls;
  private final GameStore store;
  private final TokenStore tokens;
  private final TaskFiling filing;
  private final Heartbeats heartbeats;
  private final List<Polled> activities;
  private final List<Worker> workers = new ArrayList<>();
  private final List<CompletableFuture<GetActivityTaskResponse>> polls = new CopyOnWriteArrayList<>();
  private final Object idle = new Object();
  /** Tasks being handled plus rounds of heartbeats in flight; guarded by {@link #idle}. */
  private int busy;
  /** Tasks received so far, all workers; guarded by {@link #idle}. */
  private long received;
  private volatile boolean closed;

  /**
   * @param calls the calls to poll and complete tasks with (async ones let {@link #close()} cancel a poll)
   * @param activities the activities to poll; every one gets at least one worker
   * @param workers how many polls may be outstanding at once (at least one per activity)
   * @param heartbeat how often to heartbeat stored tasks, or {@code null} for never
   * @param scheduler the scheduler heartbeats run on
   */
  public ActivityTaskRouter(AwsCalls calls, GameStore store, List<Polled> activities, int workers,
      Duration heartbeat, Scheduler scheduler, String identity) {
    this.calls = calls;
    this.store = store;
    this.tokens = store.tokens();
    this.filing = new TaskFiling(store);
    this.activities = List.copyOf(activities);
    this.heartbeats = heartbeat == null ? null : new Heartbeats(tokens, scheduler, heartbeat, new Work() {
      @Override
      public void begin() {
        ActivityTaskRouter.this.begin(null);
      }

      @Override
      public void end() {
        ActivityTaskRouter.this.end();
      }
    });
    int count = Math.max(workers, activities.size());
    for (int i = 0; i < count; i++) {
      Polled polled = activities.get(i % activities.size());
      this.workers.add(new Worker(polled, identity + "-" + i));
    }
  }

  /** Starts the workers. */
  public ActivityTaskRouter start() {
    workers.forEach(w -> w.thread.start());
    return this;
  }

  /** True while the router is open and every worker thread is running. */
  public boolean alive() {
    return !closed && workers.stream().allMatch(w -> w.thread.isAlive());
  }

  /** Tasks received so far (for tests and metrics). */
  public long received() {
    synchronized (idle) {
      return received;
    }
  }

  /** The activities this router polls. */
  public List<String> polledActivities() {
    return activities.stream().map(Polled::activityArn).distinct().toList();
  }

  /** The worker names this router's polls carry (GetActivityTask workerName). */
  public List<String> workerNames() {
    return workers.stream().map(w -> w.name).toList();
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Tasks being handled and rounds of heartbeats in flight now. */
  public int inFlight() {
    synchronized (idle) {
      return busy;
    }
  }

  /**
   * Waits until every task the service handed to this router's workers has been received and
   * handled, and no round of heartbeats is in flight: until each worker has received at least
   * {@code handedOut.get(workerName)} tasks and nothing is in progress (or until {@code max}
   * passed in real time, a safety limit). No quiet window: the counts decide.
   *
   * @param handedOut the tasks the service has handed out so far, by worker name
   * @return true if caught up
   */
  public boolean awaitCaughtUp(Map<String, Long> handedOut, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    synchronized (idle) {
      while (!caughtUp(handedOut)) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || closed) {
          return caughtUp(handedOut);
        }
        try {
          idle.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private boolean caughtUp(Map<String, Long> handedOut) {
    if (busy > 0) {
      return false;
    }
    for (Worker w : workers) {
      if (w.received < handedOut.getOrDefault(w.name, 0L)) {
        return false;
      }
    }
    return true;
  }

  private void begin(Worker receiving) {
    synchronized (idle) {
      busy++;
      if (receiving != null) {
        receiving.received++;
        received++;
      }
    }
  }

  private void end() {
    synchronized (idle) {
      busy--;
      idle.notifyAll();
    }
  }

  private final class Worker implements Runnable {
    final Polled polled;
    final String name;
    final Thread thread;
    /** Tasks this worker received; guarded by {@link #idle}. */
    long received;

    Worker(Polled polled, String name) {
      this.polled = polled;
      this.name = name;
      this.thread = new Thread(this, "clix-router-" + name);
      this.thread.setDaemon(true);
    }

    @Override
    public void run() {
      while (!closed) {
        GetActivityTaskResponse task;
        CompletableFuture<GetActivityTaskResponse> poll = calls.getActivityTask(GetActivityTaskRequest.builder()
            .activityArn(polled.activityArn()).workerName(name).build());
        polls.add(poll);
        try {
          task = poll.get();
        } catch (InterruptedException e) {
          poll.cancel(true);
          break;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
          if (closed) {
            break;
          }
          calls.metrics().routerPoll(polled.kind().label(), "error");
          LOG.warn("polling activity {} failed: {}", polled.activityArn(),
              AwsErrors.unwrap(e).getMessage());
          pause();
          continue;
        } finally {
          polls.remove(poll);
        }
        if (task == null || task.taskToken() == null || task.taskToken().isEmpty()) {
          calls.metrics().routerPoll(polled.kind().label(), "empty");
          continue;
        }
        calls.metrics().routerPoll(polled.kind().label(), "task");
        begin(this);
        try {
          handle(polled.kind(), task.taskToken(), task.input()).get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        } catch (ExecutionException e) {
          LOG.warn("handling a task of activity {} failed: {}", polled.activityArn(),
              AwsErrors.unwrap(e).getMessage());
        } finally {
          end();
        }
      }
    }

    private void pause() {
      try {
        calls.pause(ERROR_BACKOFF).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // the pause cannot fail otherwise
      }
    }
  }

  /** Handles one task; the returned future never carries the token. */
  CompletableFuture<Void> handle(Kind kind, String token, String input) {
    String[] problem = new String[1];
    Optional<TaskInput> parsed = TaskInput.parse(input, kind.field, problem);
    if (parsed.isEmpty()) {
      LOG.warn("failing an activity task: {}", problem[0]);
      calls.metrics().routerTask(kind.label(), "refused");
      return tokens.fail(null, token, RouterErrors.BAD_TASK_INPUT, problem[0]);
    }
    TaskInput task = parsed.get();
    String gameId = task.gameId();
    if (kind == Kind.LOBBY && !WaitPoint.LOBBY.equals(task.point())
        || kind == Kind.ROUND && WaitPoint.roundOf(task.point()).isEmpty()) {
      String cause = "a " + kind.name().toLowerCase() + " task of game " + gameId + " names waiting point "
          + task.point();
      LOG.warn("failing an activity task: {}", cause);
      calls.metrics().routerTask(kind.label(), "refused");
      return tokens.fail(gameId, token, RouterErrors.WRONG_WAIT_POINT, cause);
    }
    CompletableFuture<Void> done = kind == Kind.TIMERS
        ? store.observe(gameId).thenCompose(o -> {
          calls.metrics().routerTask(kind.label(), "routed");
          return tokens.succeed(gameId, "timer " + task.point(), token, TokenStore.output(o.after()));
        })
        : filing.file(gameId, task.point(), token).thenCompose(filed -> {
          if (filed.result() == TaskFiling.Result.WRONG_POINT) {
            String cause = "game " + gameId + " is at " + WaitPoint.current(filed.state()) + ", not at "
                + task.point();
            LOG.warn("failing an activity task: {}", cause);
            calls.metrics().routerTask(kind.label(), "refused");
            return tokens.fail(gameId, token, RouterErrors.WRONG_WAIT_POINT, cause);
          }
          calls.metrics().routerTask(kind.label(), "routed");
          if (filed.result() == TaskFiling.Result.STORED && heartbeats != null) {
            heartbeats.track(gameId, token);
          }
          return CompletableFuture.completedFuture(null);
        });
    return done.handle((v, e) -> {
      if (e == null) {
        return CompletableFuture.<Void>completedFuture(null);
      }
      if (AwsErrors.unwrap(e) instanceof GameNotFoundException) {
        String cause = "no game with id " + gameId;
        LOG.warn("failing an activity task: {}", cause);
        calls.metrics().routerTask(kind.label(), "refused");
        return tokens.fail(gameId, token, RouterErrors.UNKNOWN_GAME, cause);
      }
      return CompletableFuture.<Void>failedFuture(AwsErrors.unwrap(e));
    }).thenCompose(f -> f);
  }

  /** Stops polling: cancels outstanding polls and waits for the workers up to {@code max}. */
  public void close(Duration max) {
    closed = true;
    synchronized (idle) {
      idle.notifyAll();
    }
    polls.forEach(p -> p.cancel(true));
    workers.forEach(w -> w.thread.interrupt());
    long deadline = System.nanoTime() + max.toNanos();
    for (Worker w : workers) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        try {
          w.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    if (heartbeats != null) {
      heartbeats.close();
    }
    long alive = workers.stream().filter(w -> w.thread.isAlive()).count();
    if (alive > 0) {
      LOG.info("{} router worker(s) still in a poll after {}; they are daemon threads and end with the poll",
          alive, max);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
