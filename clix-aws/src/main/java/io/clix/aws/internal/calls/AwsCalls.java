package io.clix.aws.internal.calls;

import io.clix.core.time.Scheduler;
import io.clix.aws.internal.observe.ClixMetrics;
import io.clix.core.ClixServiceException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskRequest;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * The AWS calls Clix makes, as futures, so the store and the router are written once; the one
 * place where SDK errors become Clix errors ({@link AwsErrors}): every future fails with a {@link
 * io.clix.core.ClixServiceException} naming the call and the game (with the service's error code,
 * which callers test with {@link AwsErrors#is}), never with an SDK exception. Calls that carry a
 * task token keep no SDK exception as cause. Every call is timed into {@link ClixMetrics#awsCall}.
 */
public final class AwsCalls {

  private final AwsTransport transport;
  private final ClixMetrics metrics;

  public AwsCalls(AwsTransport transport) {
    this(transport, ClixMetrics.NONE);
  }

  public AwsCalls(AwsTransport transport, ClixMetrics metrics) {
    this.transport = transport;
    this.metrics = metrics;
  }

  /** Where this object's calls are counted (the store and router count their own events there too). */
  public ClixMetrics metrics() {
    return metrics;
  }

  public CompletableFuture<GetItemResponse> getItem(String gameId, GetItemRequest request) {
    return translated(() -> transport.getItem(request), "DynamoDB GetItem", gameId, false);
  }

  public CompletableFuture<QueryResponse> query(String gameId, QueryRequest request) {
    return translated(() -> transport.query(request), "DynamoDB Query", gameId, false);
  }

  /** An UpdateItem of the game's item; its request may carry a task token. */
  public CompletableFuture<UpdateItemResponse> updateItem(String gameId, UpdateItemRequest request) {
    return translated(() -> transport.updateItem(request), "DynamoDB UpdateItem", gameId, true);
  }

  /**
   * A TransactWriteItems: true if written, false if a condition failed or it conflicted with
   * another write (read again and retry); other failures fail the future.
   */
  public CompletableFuture<Boolean> transactWriteItems(String gameId, TransactWriteItemsRequest request) {
    String operation = "DynamoDB TransactWriteItems";
    long started = System.nanoTime();
    CompletableFuture<Boolean> written;
    try {
      written = transport.transactWriteItems(request).handle((r, e) -> {
        if (e == null) {
          metrics.awsCall(operation, "success", System.nanoTime() - started);
          return true;
        }
        if (isConflict(e)) {
          metrics.awsCall(operation, "conflict", System.nanoTime() - started);
          return false;
        }
        throw counted(AwsErrors.map(e, operation, gameId, false), operation, started);
      });
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(counted(AwsErrors.map(e, operation, gameId, false), operation, started));
    }
    return written;
  }

  public CompletableFuture<StartExecutionResponse> startExecution(String gameId, StartExecutionRequest request) {
    return translated(() -> transport.startExecution(request), "Step Functions StartExecution", gameId, false);
  }

  public CompletableFuture<Void> sendTaskSuccess(String gameId, SendTaskSuccessRequest request) {
    return translated(() -> transport.sendTaskSuccess(request), "Step Functions SendTaskSuccess", gameId, true);
  }

  public CompletableFuture<Void> sendTaskFailure(String gameId, SendTaskFailureRequest request) {
    return translated(() -> transport.sendTaskFailure(request), "Step Functions SendTaskFailure", gameId, true);
  }

  public CompletableFuture<Void> sendTaskHeartbeat(String gameId, SendTaskHeartbeatRequest request) {
    return translated(() -> transport.sendTaskHeartbeat(request), "Step Functions SendTaskHeartbeat", gameId,
        true);
  }

  public CompletableFuture<GetActivityTaskResponse> getActivityTask(GetActivityTaskRequest request) {
    return translated(() -> transport.getActivityTask(request), "Step Functions GetActivityTask", null, false);
  }

  /**
   * Completes once {@code delay} has passed on the orchestrator's scheduler (a back-off between
   * optimistic retries); at once for a zero delay.
   */
  public CompletableFuture<Void> pause(Duration delay) {
    return transport.pause(delay);
  }

  /** A future completed by {@code scheduler} after {@code delay} (at once for zero or less). */
  static CompletableFuture<Void> after(Scheduler scheduler, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.schedule(delay, () -> done.complete(null));
    return done;
  }

  private <T> CompletableFuture<T> translated(java.util.function.Supplier<CompletableFuture<T>> call,
      String operation, String gameId, boolean carriesToken) {
    long started = System.nanoTime();
    CompletableFuture<T> raw;
    try {
      raw = call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(counted(AwsErrors.map(e, operation, gameId, carriesToken), operation,
          started));
    }
    return raw.handle((r, e) -> {
      if (e != null) {
        throw counted(AwsErrors.map(e, operation, gameId, carriesToken), operation, started);
      }
      metrics.awsCall(operation, "success", System.nanoTime() - started);
      return r;
    });
  }

  /** Counts a failed call by its error code (or the error's type), and returns the error. */
  private RuntimeException counted(RuntimeException error, String operation, long started) {
    String code = error instanceof ClixServiceException ? ((ClixServiceException) error).errorCode() : null;
    metrics.awsCall(operation, code != null ? code : error.getClass().getSimpleName(), System.nanoTime() - started);
    return error;
  }

  /** A cancelled transaction whose every reason is a failed condition or a conflict, or a conflict. */
  private static boolean isConflict(Throwable t) {
    Throwable e = AwsErrors.unwrap(t);
    if (!(e instanceof TransactionCanceledException)) {
      return "TransactionConflictException".equals(AwsErrors.sdkErrorCode(e));
    }
    List<CancellationReason> reasons = ((TransactionCanceledException) e).cancellationReasons();
    if (reasons == null || reasons.isEmpty()) {
      return false;
    }
    boolean any = false;
    for (CancellationReason reason : reasons) {
      String code = reason.code();
      if (code == null || "None".equals(code)) {
        continue;
      }
      if (!code.equals("ConditionalCheckFailed") && !code.equals("TransactionConflict")
          && !code.equals("ThrottlingError") && !code.equals("ProvisionedThroughputExceeded")) {
        return false;
      }
      any = true;
    }
    return any;
  }
}
