package io.clix.aws;

import io.clix.aws.internal.calls.AsyncAwsCalls;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.SyncAwsCalls;
import io.clix.aws.internal.observe.MeteredFront;
import io.clix.aws.internal.router.ActivityTaskRouter;
import io.clix.aws.internal.router.RouterAccess;
import io.clix.aws.internal.store.AwsGameEngine;
import io.clix.aws.internal.store.EventFeed;
import io.clix.aws.internal.store.RecentGames;
import io.clix.aws.internal.store.TaskFiling;
import io.clix.aws.internal.store.WaitPoint;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameStateException;
import io.clix.core.InvalidRequestException;
import io.clix.core.Limits;
import io.clix.core.internal.GameFront;
import io.clix.core.internal.GameListeners;
import io.clix.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link AwsGameOrchestrator}: the shared front layer over the AWS engines (one for the sync
 * clients, one for the async clients) and, where the deployment has activities, the task router.
 */
final class DefaultAwsGameOrchestrator extends GameFront implements AwsGameOrchestrator {

  private final AwsGameEngine syncCommands;
  private final io.clix.core.GameLogic gameLogic;
  private final AwsGameEngine asyncCommands;
  private final ActivityTaskRouter router;

  static {
    RouterAccess.install(o -> ((DefaultAwsGameOrchestrator) o).router);
  }

  /** The engines and the listeners, made before the front that uses them. */
  private record Wiring(AwsGameEngine sync, AwsGameEngine async, AwsCalls forAsync, GameListeners listeners,
      Scheduler scheduler) {
    static Wiring of(AwsGameOrchestratorBuilder b) {
      Scheduler scheduler = b.scheduler();
      AwsCalls syncCalls = b.sfn != null && b.dynamoDb != null
          ? new AwsCalls(new SyncAwsCalls(b.sfn, b.dynamoDb, scheduler), b.metrics) : null;
      AwsCalls asyncCalls = b.sfnAsync != null && b.dynamoDbAsync != null
          ? new AwsCalls(new AsyncAwsCalls(b.sfnAsync, b.dynamoDbAsync, scheduler), b.metrics) : null;
      GameListeners listeners = new GameListeners();
      EventFeed feed = new EventFeed(listeners);
      AwsCalls forSync = syncCalls != null ? syncCalls : asyncCalls;
      AwsCalls forAsync = asyncCalls != null ? asyncCalls : syncCalls;
      RecentGames recent = new RecentGames(RecentGames.DEFAULT_SIZE);
      AwsGameEngine sync = new AwsGameEngine(forSync, b.tableName, b.stateMachineArn, b.clock, b.retention, feed,
          recent, b.gameLogic);
      AwsGameEngine async = forAsync == forSync ? sync
          : new AwsGameEngine(forAsync, b.tableName, b.stateMachineArn, b.clock, b.retention, feed, recent, b.gameLogic);
      feed.fillFrom(sync.log());
      return new Wiring(sync, async, forAsync, listeners, scheduler);
    }
  }

  DefaultAwsGameOrchestrator(AwsGameOrchestratorBuilder b) {
    this(b, Wiring.of(b));
  }

  @Override
  protected io.clix.core.GameLogic gameLogic() {
    return gameLogic;
  }

  private DefaultAwsGameOrchestrator(AwsGameOrchestratorBuilder b, Wiring w) {
    super(w.sync(), w.async(), w.listeners(), MeteredFront.of(b.metrics, b.tracing));
    this.gameLogic = b.gameLogic;
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
          b.heartbeat, w.scheduler(), b.workerName).start();
    } else {
      this.router = null;
    }
  }

  @Override
  public void registerTaskToken(String gameId, String waitPoint, String taskToken) {
    sync(observed("registerTaskToken", gameId,
        () -> registerTaskToken(gameId, waitPoint, taskToken, syncCommands)));
  }

  @Override
  public CompletableFuture<Void> registerTaskTokenAsync(String gameId, String waitPoint, String taskToken) {
    return observed("registerTaskTokenAsync", gameId,
        () -> registerTaskToken(gameId, waitPoint, taskToken, asyncCommands));
  }

  private CompletableFuture<Void> registerTaskToken(String gameId, String point, String token, AwsGameEngine c) {
    return start(() -> {
      Limits.checkGameId(gameId);
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

  @Override
  public boolean isRouterAlive() {
    return router != null && router.alive();
  }

  @Override
  protected void release() {
    if (router != null) {
      router.close();
    }
  }
}
