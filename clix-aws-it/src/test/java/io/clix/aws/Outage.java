package io.clix.aws;

import io.clix.local.junit5.ClixLocalEnvironment;
import io.clix.local.junit5.LocalStackClients;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * A backend instance's own clients that can die: {@link #down()} fails every later call before it is
 * sent (the process is gone, nothing was closed), {@link #dieAfterNextWrite()} lets the next
 * TransactWriteItems land on the stack, loses its answer and then fails everything (killed right after
 * a write landed, before the wake-up or the listeners); {@link #up()} is a restarted process.
 */
final class Outage implements ExecutionInterceptor, AutoCloseable {

  private enum Mode { UP, DIE_AFTER_WRITE, DOWN }

  private volatile Mode mode = Mode.UP;
  private final List<AutoCloseable> clients;
  final AwsGameOrchestrator orchestrator;

  Outage(ClixLocalEnvironment aws, String workerName) {
    ClientOverrideConfiguration override = ClientOverrideConfiguration.builder().addExecutionInterceptor(this).build();
    var sfn = LocalStackClients.sfn(aws.stack(), override);
    var sfnAsync = LocalStackClients.sfnAsync(aws.stack(), override);
    var dynamoDb = LocalStackClients.dynamoDb(aws.stack(), override);
    var dynamoDbAsync = LocalStackClients.dynamoDbAsync(aws.stack(), override);
    clients = List.of(sfn, sfnAsync, dynamoDb, dynamoDbAsync);
    orchestrator = aws.orchestratorBuilder().sfnClient(sfn).sfnAsyncClient(sfnAsync).dynamoDbClient(dynamoDb)
        .dynamoDbAsyncClient(dynamoDbAsync).workerName(workerName).build();
  }

  void down() {
    mode = Mode.DOWN;
  }

  void dieAfterNextWrite() {
    mode = Mode.DIE_AFTER_WRITE;
  }

  void up() {
    mode = Mode.UP;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (mode == Mode.DOWN) {
      throw SdkClientException.create("the instance is down");
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (mode == Mode.DIE_AFTER_WRITE && request instanceof TransactWriteItemsRequest) {
      mode = Mode.DOWN;
      throw SdkClientException.create("the instance died after its write landed");
    }
  }

  @Override
  public void close() throws Exception {
    down();
    orchestrator.close();
    for (AutoCloseable c : clients) {
      c.close();
    }
  }
}
