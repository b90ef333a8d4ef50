package io.clix.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.aws.internal.calls.AsyncAwsCalls;
import io.clix.aws.internal.calls.AwsCalls;
import io.clix.aws.internal.calls.AwsErrors;
import io.clix.aws.internal.calls.SyncAwsCalls;
import io.clix.aws.internal.router.ActivityTaskRouter;
import io.clix.aws.internal.router.RouterAccess;
import io.clix.aws.internal.router.TaskFiling;
import io.clix.aws.internal.store.EventFeed;
import io.clix.aws.internal.store.GameCommands;
import io.clix.aws.internal.store.WaitPoint;
import io.clix.core.ClixException;
import io.clix.core.GameEvent;
import io.clix.core.GameEventListener;
import io.clix.core.GameOrchestrator;
import io.clix.core.GameSpec;
import io.clix.core.GameStateException;
import io.clix.core.GameView;
import io.clix.core.InvalidRequestException;
import io.clix.core.JoinResult;
import io.clix.core.MoveReceipt;
import io.clix.core.Subscription;
import io.clix.core.internal.RequestRules;
import io.clix.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

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
 *     .clock(clock).scheduler(scheduler)                      // optional: Clock.systemUTC(), Scheduler.system()
 *     .build();
 * }</pre>
 *
 * <p>Sync methods run on the sync clients on the caller's thread; {@code ...Async} methods run on
 * the async clients without blocking (given only one pair, both use it). AWS errors become {@link
 * io.clix.core.ClixServiceException} with the game id and error code; the clients' own retry
 * strategy retries throttling and 5xx. The clients passed in stay open on {@link #close()}.
 */
public final class AwsGameOrchestrator implements GameOrchestrator {

  private final GameCommands syncCommands;
  private final GameCommands asyncCommands;
  private final EventFeed feed;
  private final ActivityTaskRouter router;

  static {
    RouterAccess.install(o -> ((AwsGameOrchestrator) o).router);
  }

  private AwsGameOrchestrator(AwsGameOrchestratorBuilder b) {
    Scheduler scheduler = b.scheduler();
    AwsCalls syncCalls = b.sfn != null && b.dynamoDb != null ? new SyncAwsCalls(b.sfn, b.dynamoDb, scheduler) : null;
    AwsCalls asyncCalls = b.sfnAsync != null && b.dynamoDbAsync != null
        ? new AsyncAwsCalls(b.sfnAsync, b.dynamoDbAsync, scheduler) : null;
    this.feed = new EventFeed();
    AwsCalls forSync = syncCalls != null ? syncCalls : asyncCalls;
    AwsCalls forAsync = asyncCalls != null ? asyncCalls : syncCalls;
    this.syncCommands = new GameCommands(forSync, b.tableName, b.stateMachineArn, b.clock, b.retention, feed);
    this.asyncCommands = forAsync == forSync ? syncCommands
        : new GameCommands(forAsync, b.tableName, b.stateMachineArn, b.clock, b.retention, feed);
    feed.fillFrom(syncCommands.log());
    ActivityArns arns = b.activities();
    if (arns != null && b.routerWorkers > 0) {
      List<ActivityTaskRouter.Polled> polled = new ArrayList<>();
      if (b.correlation == Correlation.ACTIVITIES) {
        polled.add(new ActivityTaskRouter.Polled(arns.lobby(), ActivityTaskRouter.Kind.LOBBY));
        polled.add(new ActivityTaskRouter.Polled(arns.round(), ActivityTaskRouter.Kind.ROUND));
      }
      polled.add(new ActivityTaskRouter.Polled(arns.timers(), ActivityTaskRouter.Kind.TIMERS));
      this.router = new ActivityTaskRouter(forAsync, asyncCommands.store(), polled, b.routerWorkers,
          b.heartbeat, scheduler, b.workerName).start();
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

  @Override
  public GameView createGame(GameSpec spec) {
    return sync(() -> createGameAsync(spec, syncCommands));
  }

  @Override
  public CompletableFuture<GameView> createGameAsync(GameSpec spec) {
    return createGameAsync(spec, asyncCommands);
  }

  private CompletableFuture<GameView> createGameAsync(GameSpec spec, GameCommands commands) {
    return start(() -> {
      if (spec == null) {
        throw new NullPointerException("spec");
      }
      String gameId = spec.gameId().orElseGet(() -> "g" + UUID.randomUUID().toString().replace("-", ""));
      GameSpec withId = spec.gameId().isPresent() ? spec : GameSpec.builder().from(spec).gameId(gameId).build();
      return commands.create(gameId, withId);
    });
  }

  @Override
  public JoinResult join(String gameId, String playerId, JsonNode playerData) {
    return sync(() -> join(gameId, playerId, playerData, syncCommands));
  }

  @Override
  public CompletableFuture<JoinResult> joinAsync(String gameId, String playerId, JsonNode playerData) {
    return join(gameId, playerId, playerData, asyncCommands);
  }

  private CompletableFuture<JoinResult> join(String gameId, String playerId, JsonNode data, GameCommands c) {
    return start(() -> {
      RequestRules.gameId(gameId);
      RequestRules.playerId(gameId, playerId);
      RequestRules.playerData(gameId, data);
      return c.join(gameId, playerId, data == null ? null : data.deepCopy());
    });
  }

  @Override
  public GameView leave(String gameId, String playerId) {
    return sync(() -> leave(gameId, playerId, syncCommands));
  }

  @Override
  public CompletableFuture<GameView> leaveAsync(String gameId, String playerId) {
    return leave(gameId, playerId, asyncCommands);
  }

  private CompletableFuture<GameView> leave(String gameId, String playerId, GameCommands c) {
    return start(() -> {
      RequestRules.gameId(gameId);
      RequestRules.playerId(gameId, playerId);
      return c.leave(gameId, playerId);
    });
  }

  @Override
  public GameView startNow(String gameId) {
    return sync(() -> startNow(gameId, syncCommands));
  }

  @Override
  public CompletableFuture<GameView> startNowAsync(String gameId) {
    return startNow(gameId, asyncCommands);
  }

  private CompletableFuture<GameView> startNow(String gameId, GameCommands c) {
    return start(() -> c.startNow(RequestRules.gameId(gameId)));
  }

  @Override
  public MoveReceipt submitMove(String gameId, String playerId, int round, JsonNode move) {
    return sync(() -> submitMove(gameId, playerId, round, move, syncCommands));
  }

  @Override
  public CompletableFuture<MoveReceipt> submitMoveAsync(String gameId, String playerId, int round, JsonNode move) {
    return submitMove(gameId, playerId, round, move, asyncCommands);
  }

  private CompletableFuture<MoveReceipt> submitMove(String gameId, String playerId, int round, JsonNode move,
      GameCommands c) {
    return start(() -> {
      RequestRules.gameId(gameId);
      RequestRules.playerId(gameId, playerId);
      RequestRules.move(gameId, round, move);
      return c.submitMove(gameId, playerId, round, move.deepCopy());
    });
  }

  @Override
  public GameView finish(String gameId, JsonNode result) {
    return sync(() -> finish(gameId, result, syncCommands));
  }

  @Override
  public CompletableFuture<GameView> finishAsync(String gameId, JsonNode result) {
    return finish(gameId, result, asyncCommands);
  }

  private CompletableFuture<GameView> finish(String gameId, JsonNode result, GameCommands c) {
    return start(() -> {
      RequestRules.gameId(gameId);
      RequestRules.result(gameId, result);
      return c.finish(gameId, result == null ? null : result.deepCopy());
    });
  }

  @Override
  public GameView cancel(String gameId, String reason) {
    return sync(() -> cancel(gameId, reason, syncCommands));
  }

  @Override
  public CompletableFuture<GameView> cancelAsync(String gameId, String reason) {
    return cancel(gameId, reason, asyncCommands);
  }

  private CompletableFuture<GameView> cancel(String gameId, String reason, GameCommands c) {
    return start(() -> {
      RequestRules.gameId(gameId);
      RequestRules.reason(gameId, reason);
      return c.cancel(gameId, reason);
    });
  }

  @Override
  public GameView describe(String gameId) {
    return sync(() -> start(() -> syncCommands.describe(RequestRules.gameId(gameId))));
  }

  @Override
  public CompletableFuture<GameView> describeAsync(String gameId) {
    return start(() -> asyncCommands.describe(RequestRules.gameId(gameId)));
  }

  @Override
  public List<GameEvent> events(String gameId, long afterSequence) {
    return sync(() -> start(() -> syncCommands.events(RequestRules.gameId(gameId), afterSequence)));
  }

  @Override
  public CompletableFuture<List<GameEvent>> eventsAsync(String gameId, long afterSequence) {
    return start(() -> asyncCommands.events(RequestRules.gameId(gameId), afterSequence));
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
    sync(() -> registerTaskToken(gameId, waitPoint, taskToken, syncCommands));
  }

  /** The async twin of {@link #registerTaskToken(String, String, String)}. */
  public CompletableFuture<Void> registerTaskTokenAsync(String gameId, String waitPoint, String taskToken) {
    return registerTaskToken(gameId, waitPoint, taskToken, asyncCommands);
  }

  private CompletableFuture<Void> registerTaskToken(String gameId, String point, String token, GameCommands c) {
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

  @Override
  public Subscription addListener(GameEventListener listener) {
    return feed.add(listener);
  }

  /** Stops the task router (within a few seconds); the clients passed in stay open. */
  @Override
  public void close() {
    if (router != null) {
      router.close();
    }
  }

  // ---- plumbing

  /** Runs {@code body}, turning an argument error thrown before any call into a failed future. */
  private static <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> body) {
    try {
      return body.get().handle((v, e) -> {
        if (e != null) {
          throw new CompletionException(AwsErrors.map(e, "a Clix call", null, false));
        }
        return v;
      });
    } catch (ClixException | NullPointerException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static <T> T sync(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get().join();
    } catch (CompletionException e) {
      Throwable cause = AwsErrors.unwrap(e);
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      throw e;
    }
  }
}
