package io.clix.aws.internal.calls;

import io.clix.core.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sfn.SfnAsyncClient;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskRequest;
import software.amazon.awssdk.services.sfn.model.GetActivityTaskResponse;
import software.amazon.awssdk.services.sfn.model.SendTaskFailureRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskHeartbeatRequest;
import software.amazon.awssdk.services.sfn.model.SendTaskSuccessRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

/** {@link AwsTransport} on the async clients: every call returns the SDK's own non-blocking future. */
public final class AsyncAwsCalls implements AwsTransport {

  private final SfnAsyncClient sfn;
  private final DynamoDbAsyncClient dynamoDb;
  private final Scheduler scheduler;

  public AsyncAwsCalls(SfnAsyncClient sfn, DynamoDbAsyncClient dynamoDb, Scheduler scheduler) {
    this.scheduler = scheduler;
    this.sfn = sfn;
    this.dynamoDb = dynamoDb;
  }

  @Override
  public CompletableFuture<GetItemResponse> getItem(GetItemRequest request) {
    return dynamoDb.getItem(request);
  }

  @Override
  public CompletableFuture<QueryResponse> query(QueryRequest request) {
    return dynamoDb.query(request);
  }

  @Override
  public CompletableFuture<UpdateItemResponse> updateItem(UpdateItemRequest request) {
    return dynamoDb.updateItem(request);
  }

  @Override
  public CompletableFuture<TransactWriteItemsResponse> transactWriteItems(TransactWriteItemsRequest request) {
    return dynamoDb.transactWriteItems(request);
  }

  @Override
  public CompletableFuture<StartExecutionResponse> startExecution(StartExecutionRequest request) {
    return sfn.startExecution(request);
  }

  @Override
  public CompletableFuture<Void> sendTaskSuccess(SendTaskSuccessRequest request) {
    return sfn.sendTaskSuccess(request).thenApply(r -> null);
  }

  @Override
  public CompletableFuture<Void> sendTaskFailure(SendTaskFailureRequest request) {
    return sfn.sendTaskFailure(request).thenApply(r -> null);
  }

  @Override
  public CompletableFuture<Void> sendTaskHeartbeat(SendTaskHeartbeatRequest request) {
    return sfn.sendTaskHeartbeat(request).thenApply(r -> null);
  }

  @Override
  public CompletableFuture<GetActivityTaskResponse> getActivityTask(GetActivityTaskRequest request) {
    return sfn.getActivityTask(request);
  }

  @Override
  public CompletableFuture<Void> pause(Duration delay) {
    return AwsCalls.after(scheduler, delay);
  }
}
