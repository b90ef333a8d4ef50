package io.clix.aws.internal.calls;

import io.clix.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
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
 * The AWS calls Clix makes, as futures, so the store and the router are written once. {@link
 * AsyncAwsCalls} issues them on the async clients (truly non-blocking); {@link SyncAwsCalls} runs
 * them on the sync clients on the caller's thread and returns completed futures, so a pipeline of
 * {@code thenCompose} steps runs entirely on the calling thread.
 */
public interface AwsCalls {

  CompletableFuture<GetItemResponse> getItem(GetItemRequest request);

  CompletableFuture<QueryResponse> query(QueryRequest request);

  CompletableFuture<UpdateItemResponse> updateItem(UpdateItemRequest request);

  CompletableFuture<TransactWriteItemsResponse> transactWriteItems(TransactWriteItemsRequest request);

  CompletableFuture<StartExecutionResponse> startExecution(StartExecutionRequest request);

  CompletableFuture<Void> sendTaskSuccess(SendTaskSuccessRequest request);

  CompletableFuture<Void> sendTaskFailure(SendTaskFailureRequest request);

  CompletableFuture<Void> sendTaskHeartbeat(SendTaskHeartbeatRequest request);

  CompletableFuture<GetActivityTaskResponse> getActivityTask(GetActivityTaskRequest request);

  /**
   * Completes once {@code delay} has passed on the orchestrator's scheduler (a back-off); at once
   * for a zero delay.
   */
  CompletableFuture<Void> pause(Duration delay);

  /** A future completed by {@code scheduler} after {@code delay} (at once for zero or less). */
  static CompletableFuture<Void> after(Scheduler scheduler, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    scheduler.schedule(delay, () -> done.complete(null));
    return done;
  }
}
