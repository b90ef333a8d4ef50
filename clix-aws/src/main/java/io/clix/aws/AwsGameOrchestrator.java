package io.clix.aws;

import io.clix.aws.internal.calls.AsyncAwsCalls;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.SyncAwsCalls;
import io.clix.aws.internal.observe.MeteredFront;
import io.clix.aws.internal.router.ActivityTaskRouter;
import io.clix.aws.internal.store.AwsGameEngine;
import io.clix.aws.internal.store.EventFeed;
import io.clix.aws.internal.store.TaskFiling;
import io.clix.aws.internal.store.WaitPoint;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameStateException;
import io.clix.core.InvalidRequestException;
import io.clix.core.internal.GameFront;
import io.clix.core.internal.GameListeners;
import io.clix.core.internal.RequestRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link GameOrchestrator} on AWS: one Standard Step Functions execution per game (named by the
 * game id) holds the lobby timeout, the round deadlines and the waits; one DynamoDB table holds each
 * game's state and events. The backend applies the same rules as every Clix orchestrator, with
 * conditional writes, so any number of backend instances can share a table and a state machine.
 * Every waiting task is correlated to its own game: its token is stored in, and read from, that
 * game's item only ({@link Correlation}).
 *
 * <pre>{@code
 * ClixDeployment deployment = ClixProvisioner.builder().sfnClient(sfn).dynamoDbClient(dynamoDb)
 *     .roleArn(stateMachineRole).build().provision();
 * GameOrchestrator games = AwsGameOrchestrator.builder()
 *     .sfnClient(sfn).dynamoDbClient(dynamoDb)                 // your own configured clients
 *     .sfnAsyncClient(sfnAsync).dynamoDbAsyncClient(dynamoDbAsync)
 *     .deployment(deployment)                                 // table, state machine, activities, mode
 *     .build();
 * }</pre>
 *
 * <p>Sync methods run on the sync clients on the caller's thread; {@code ...Async} methods run on
 * the async clients without blocking (given only one pair, both use it). AWS errors become {@link
 * io.clix.core.ClixServiceException} with the game id and error code ({@link
 * io.clix.core.RetryableServiceException} for throttling and 5xx, {@link
 * io.clix.core.ServiceUnreachableException} for network failures); the clients' own retry strategy
 * retries throttling and 5xx first. The clients passed in stay open on {@link #close()}.
 */
public final class AwsGameOrchestrator extends GameFront {

  private final AwsGameEngine syncCommands;
  private final AwsGameEngine asyncCommands;
  private final ActivityTaskRouter router;

  /** The engines and the listeners, made before the front that uses them. */
  private record Wiring(AwsGameEngine sync, AwsGameEngine async, AwsCalls forAsync, GameListeners listeners) {
    static Wiring of(AwsGameOrchestratorBuilder b) {
      AwsCalls syncCalls = b.sfn != null && b.dynamoDb != null
          ? new AwsCalls(new SyncAwsCalls(b.sfn, b.dynamoDb), b.metrics) : null;
      AwsCalls asyncCalls = b.sfnAsync != null && b.dynamoDbAsync != null
          ? new AwsCalls(new AsyncAwsCalls(b.sfnAsync, b.dynamoDbAsync), b.metrics) : null;
      GameListeners listeners = new GameListeners();
      EventFeed feed = new EventFeed(listeners);
      AwsCalls forSync = syncCalls != null ? syncCalls : asyncCalls;
      AwsCalls forAsync = asyncCalls != null ? asyncCalls : syncCalls;
      AwsGameEngine sync = new AwsGameEngine(forSync, b.tableName, b.stateMachineArn, b.clock, b.retention, feed);
      AwsGameEngine async = forAsync == forSync ? sync
          : new AwsGameEngine(forAsync, b.tableName, b.stateMachineArn, b.clock, b.retention, feed);
      feed.fillFrom(sync.log());
      return new Wiring(sync, async, forAsync, listeners);
    }
  }

  private AwsGameOrchestrator(AwsGameOrchestratorBuilder b) {
    this(b, Wiring.of(b));
  }

  private AwsGameOrchestrator(AwsGameOrchestratorBuilder b, Wiring w) {
    super(w.sync(), w.async(), w.listeners(), MeteredFront.of(b.metrics, b.tracing));
    this.syncCommands = w.sync();
    this.asyncCommands = w.async();
    ActivityArns arns = b.activities();
    if (arns != null && b.routerWorkers > 0) {
      List<ActivityTaskRouter.Polled> polled = new ArrayList<>();
      if (b.correlation == Correlation.ACTIVITIES) {
        polled.add(new ActivityTaskRouter.Polled(arns.lobby(), ActivityTaskRouter.Kind.LOBBY));
        polled.add(new ActivityTaskRouter.Polled(arns.round(), ActivityTaskRouter.Kind.ROUND));
      }
      polled.add(new ActivityTaskRouter.Polled(arns.timers(), ActivityTaskRouter.Kind.TIMERS));
      this.router = new ActivityTaskRouter(w.forAsync(), asyncCommands.store(), polled, b.routerWorkers,
          b.heartbeat, b.workerName).start();
    } else {
      this.router = null;
    }
  }

  /** A builder; {@code tableName}, {@code stateMachineArn} and a pair of clients are required. */
  public static AwsGameOrchestratorBuilder builder() {
    return new AwsGameOrchestratorBuilder();
  }

  static AwsGameOrchestrator build(AwsGameOrchestratorBuilder b) {
    return new AwsGameOrchestrator(b);
  }

  /**
   * Files a task token for a game's waiting point, for users whose own state machines wait on
   * activities or callbacks (Lambda, SQS): the token is stored under that game if it waits there
   * now (the write that moves the game on completes the task with SendTaskSuccess), or the task is
   * completed at once if the game has already moved past that point.
   *
   * @param waitPoint {@code "lobby"} or {@code "round-<n>"}
   * @throws io.clix.core.GameNotFoundException if there is no such game
   * @throws GameStateException if the game never waits at that point (a later round, a round in the lobby)
   * @throws InvalidRequestException if the game id, point or token is malformed
   */
  public void registerTaskToken(String gameId, String waitPoint, String taskToken) {
    sync(observed("registerTaskToken", gameId,
        () -> registerTaskToken(gameId, waitPoint, taskToken, syncCommands)));
  }

  /** The async twin of {@link #registerTaskToken(String, String, String)}. */
  public CompletableFuture<Void> registerTaskTokenAsync(String gameId, String waitPoint, String taskToken) {
    return observed("registerTaskTokenAsync", gameId,
        () -> registerTaskToken(gameId, waitPoint, taskToken, asyncCommands));
  }

  private CompletableFuture<Void> registerTaskToken(String gameId, String point, String token, AwsGameEngine c) {
    return start(() -> {
      RequestRules.gameId(gameId);
      if (!WaitPoint.isWellFormed(point)) {
        throw new InvalidRequestException(gameId, "waitPoint", "must be lobby or round-<n>");
      }
      if (token == null || token.isEmpty() || token.length() > 1024) {
        throw new InvalidRequestException(gameId, "taskToken", "must be 1 to 1024 characters");
      }
      return c.filing().file(gameId, point, token).thenApply(filed -> {
        if (filed.result() == TaskFiling.Result.WRONG_POINT) {
          throw new GameStateException("game " + gameId + " is at " + WaitPoint.current(filed.state())
              + " and never waits at " + point + " from there", gameId, filed.state().status());
        }
        return null;
      });
    });
  }

  /**
   * Waits until the activity task router has handled every task it received and none arrived for a
   * short while (for tests on a local stack); returns at once without a router.
   */
  public void awaitRouterIdle() {
    if (router != null) {
      router.awaitIdle(Duration.ofMillis(10), Duration.ofSeconds(30));
    }
  }

  /**
   * True if this orchestrator runs a task router and all its workers are polling; false without a
   * router (no activities or zero workers) and after {@link #close()}. For health checks.
   */
  public boolean isRouterAlive() {
    return router != null && router.alive();
  }

  /** Stops the task router (within a few seconds); the clients passed in stay open. */
  @Override
  public void close() {
    if (router != null) {
      router.close();
    }
  }
}
