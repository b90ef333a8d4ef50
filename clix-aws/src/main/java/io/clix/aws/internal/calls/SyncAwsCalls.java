package io.clix.aws.internal.calls;

import io.clix.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskRequest;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/**
 * {@link AwsTransport} on the sync clients: each call runs on the caller's thread and returns an
 * already completed future (failed with the SDK's exception on error). No thread pool.
 */
public final class SyncAwsCalls implements AwsTransport {

  private final SfnClient sfn;
  private final DynamoDbClient dynamoDb;
  private final Scheduler scheduler;

  public SyncAwsCalls(SfnClient sfn, DynamoDbClient dynamoDb, Scheduler scheduler) {
    this.scheduler = scheduler;
    this.sfn = sfn;
    this.dynamoDb = dynamoDb;
  }

  private static <T> CompletableFuture<T> now(Supplier<T> call) {
    try {
      return CompletableFuture.completedFuture(call.get());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<GetItemResponse> getItem(GetItemRequest request) {
    return now(() -> dynamoDb.getItem(request));
  }

  @Override
  public CompletableFuture<QueryResponse> query(QueryRequest request) {
    return now(() -> dynamoDb.query(request));
  }

  @Override
  public CompletableFuture<UpdateItemResponse> updateItem(UpdateItemRequest request) {
    return now(() -> dynamoDb.updateItem(request));
  }

  @Override
  public CompletableFuture<TransactWriteItemsResponse> transactWriteItems(TransactWriteItemsRequest request) {
    return now(() -> dynamoDb.transactWriteItems(request));
  }

  @Override
  public CompletableFuture<StartExecutionResponse> startExecution(StartExecutionRequest request) {
    return now(() -> sfn.startExecution(request));
  }

  @Override
  public CompletableFuture<Void> sendTaskSuccess(SendTaskSuccessRequest request) {
    return now(() -> {
      sfn.sendTaskSuccess(request);
      return null;
    });
  }

  @Override
  public CompletableFuture<Void> sendTaskFailure(SendTaskFailureRequest request) {
    return now(() -> {
      sfn.sendTaskFailure(request);
      return null;
    });
  }

  @Override
  public CompletableFuture<Void> sendTaskHeartbeat(SendTaskHeartbeatRequest request) {
    return now(() -> {
      sfn.sendTaskHeartbeat(request);
      return null;
    });
  }

  @Override
  public CompletableFuture<GetActivityTaskResponse> getActivityTask(GetActivityTaskRequest request) {
    return now(() -> sfn.getActivityTask(request));
  }

  /** Waits on the caller's thread (as a sync call does) until {@code delay} has passed on the scheduler. */
  @Override
  public CompletableFuture<Void> pause(Duration delay) {
    try {
      AwsCalls.after(scheduler, delay).get();
      return CompletableFuture.completedFuture(null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(e);
    } catch (java.util.concurrent.ExecutionException e) {
      return CompletableFuture.failedFuture(e.getCause());
    }
  }
}
