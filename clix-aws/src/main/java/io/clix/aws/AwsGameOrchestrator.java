package io.clix.aws;

import io.clix.core.GameOrchestrator;
import io.clix.core.GameStateException;
import io.clix.core.InvalidRequestException;
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
 *     .clock(clock).scheduler(scheduler)                      // optional: Clock.systemUTC(), Scheduler.system()
 *     .build();
 * }</pre>
 *
 * <p>Sync methods run on the sync clients on the caller's thread; {@code ...Async} methods run on
 * the async clients without blocking (given only one pair, both use it). AWS errors become {@link
 * io.clix.core.ClixServiceException} with the game id and error code ({@link
 * io.clix.core.RetryableServiceException} for throttling and 5xx, {@link
 * io.clix.core.ServiceUnreachableException} for network failures); the clients' own retry strategy
 * retries throttling and 5xx first. The clients passed in stay open on {@link #close()}.
 *
 * <p>Calls per operation: each instance remembers the games it last read or wrote (a bounded cache,
 * 1,024 games), so a join or move it sees next is one TransactWriteItems (the game item, conditional
 * on the version it saw, and the event item), with a consistent GetItem (and a Query for the open
 * round's moves) only before the first or after a conflict; a call that changes nothing is always
 * decided on a fresh read. A call that moves the game off a waiting point also completes the wait:
 * one SendTaskSuccess, after one UpdateItem that claims the token unless this instance's router
 * filed it. Creating a game is one TransactWriteItems and one StartExecution.
 *
 * <p>Deadlines need no backend: the execution waits until each announced instant and records the
 * timer in the game item itself, moving its status and round, with no instance alive. What a read
 * writes: {@code describe}, {@code events} (and every other call) read the game item and fold in the
 * timers the execution recorded since the last write (the lobby timeout's {@link
 * io.clix.core.EventType#GAME_STARTED} or {@code GAME_CANCELLED}, a deadline's {@code ROUND_CLOSED} with
 * the missing moves, the next {@code ROUND_OPENED} or {@code GAME_FINISHED});
 * when a fold yields events, that read writes them and the folded state, once, conditionally (as any
 * instance would, so the game's events appear in order whoever reads first); a read also completes a
 * wait whose token is stale (the game has moved past it), which only lets the execution re-read
 * sooner. A read never changes what the game announced: the status, round and deadlines it shows
 * are those the execution recorded at the announced instants.
 *
 * <p>Catching up needs no read either: the execution announces the timer it fired last on the
 * shared timer activity until its next deadline (or, once the game ended, for the timer task
 * timeout, 300 s by default), and whichever instance's router takes the announcement folds the
 * game, so an instance that starts after an outage delivers the events its listeners missed without
 * anyone calling a game by id. A game that ended longer ago than that is folded by its next read.
 */
public interface AwsGameOrchestrator extends GameOrchestrator {

  /** A builder; {@code tableName}, {@code stateMachineArn} and a pair of clients are required. */
  static AwsGameOrchestratorBuilder builder() {
    return new AwsGameOrchestratorBuilder();
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
  void registerTaskToken(String gameId, String waitPoint, String taskToken);

  /** The async twin of {@link #registerTaskToken(String, String, String)}: the same checks, failing the future. */
  CompletableFuture<Void> registerTaskTokenAsync(String gameId, String waitPoint, String taskToken);

  /**
   * True if this orchestrator runs a task router and all its workers are polling; false without a
   * router (no activities or zero workers) and after {@link #close()}. For health checks.
   */
  boolean isRouterAlive();

  /**
   * Stops the task router (within a few seconds); every call afterwards fails with {@link
   * io.clix.core.OrchestratorClosedException}. The clients passed in stay open.
   */
  @Override
  void close();
}
