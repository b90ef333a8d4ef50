package io.clix.aws.internal.calls;

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
 * The raw AWS calls Clix makes, as futures failing with the SDK's own exceptions; only {@link
 * AwsCalls} uses them. {@link AsyncAwsCalls} issues them on the async clients (truly non-blocking);
 * {@link SyncAwsCalls} runs them on the sync clients on the caller's thread and returns completed
 * futures, so a pipeline of {@code thenCompose} steps runs entirely on the calling thread.
 */
public interface AwsTransport {

  CompletableFuture<GetItemResponse> getItem(GetItemRequest request);

  CompletableFuture<QueryResponse> query(QueryRequest request);

  CompletableFuture<UpdateItemResponse> updateItem(UpdateItemRequest request);

  CompletableFuture<TransactWriteItemsResponse> transactWriteItems(TransactWriteItemsRequest request);

  CompletableFuture<StartExecutionResponse> startExecution(StartExecutionRequest request);

  CompletableFuture<Void> sendTaskSuccess(SendTaskSuccessRequest request);

  CompletableFuture<Void> sendTaskFailure(SendTaskFailureRequest request);

  CompletableFuture<Void> sendTaskHeartbeat(SendTaskHeartbeatRequest request);

  CompletableFuture<GetActivityTaskResponse> getActivityTask(GetActivityTaskRequest request);

  /** Completes after {@code delay} of real time (a backoff between optimistic retries). */
  CompletableFuture<Void> pause(Duration delay);
}
