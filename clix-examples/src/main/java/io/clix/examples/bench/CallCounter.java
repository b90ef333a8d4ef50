package io.clix.examples.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts AWS API calls by service and operation, as an SDK {@link ExecutionInterceptor} added to
 * the clients' override configuration. Retries count once per attempt, as AWS bills them. It also
 * asks DynamoDB for the capacity each call consumed ({@code ReturnConsumedCapacity=TOTAL}) and adds
 * up the read and write units reported; a call that failed (a failed condition consumes write units
 * too, but its error reports none) is counted apart, for the caller to price.
 */
public final class CallCounter implements ExecutionInterceptor {

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final DoubleAdder readUnits = new DoubleAdder();
  private final DoubleAdder writeUnits = new DoubleAdder();
  private final LongAdder failedWrites = new LongAdder();

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof GetItemRequest) {
      return ((GetItemRequest) request).toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    } else if (request instanceof QueryRequest) {
      return ((QueryRequest) request).toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    } else if (request instanceof UpdateItemRequest) {
      return ((UpdateItemRequest) request).toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    } else if (request instanceof TransactWriteItemsRequest) {
      return ((TransactWriteItemsRequest) request).toBuilder()
          .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
    }
    return request;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    calls.computeIfAbsent(service + ":" + operation, k -> new LongAdder()).increment();
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    Object response = context.response();
    if (response instanceof GetItemResponse) {
      add(readUnits, ((GetItemResponse) response).consumedCapacity());
    } else if (response instanceof QueryResponse) {
      add(readUnits, ((QueryResponse) response).consumedCapacity());
    } else if (response instanceof UpdateItemResponse) {
      add(writeUnits, ((UpdateItemResponse) response).consumedCapacity());
    } else if (response instanceof TransactWriteItemsResponse) {
      List<ConsumedCapacity> all = ((TransactWriteItemsResponse) response).consumedCapacity();
      all.forEach(c -> add(writeUnits, c));
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (context.request() instanceof UpdateItemRequest || context.request() instanceof TransactWriteItemsRequest) {
      failedWrites.increment();
    }
  }

  private static void add(DoubleAdder into, ConsumedCapacity c) {
    if (c != null && c.capacityUnits() != null) {
      into.add(c.capacityUnits());
    }
  }

  /** The counts so far, sorted by "Service:Operation". */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    calls.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  /** The total of all calls so far. */
  public long total() {
    return calls.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Read units DynamoDB reported for the calls that succeeded. */
  public double readUnits() {
    return readUnits.sum();
  }

  /** Write units DynamoDB reported for the calls that succeeded. */
  public double writeUnits() {
    return writeUnits.sum();
  }

  /** UpdateItem and TransactWriteItems calls that failed (mostly failed conditions): priced by the caller. */
  public long failedWrites() {
    return failedWrites.sum();
  }

  /** A copy of the counts so far, which later calls leave alone. */
  public CallCounter copy() {
    CallCounter copy = new CallCounter();
    calls.forEach((k, v) -> copy.calls.computeIfAbsent(k, x -> new LongAdder()).add(v.sum()));
    copy.readUnits.add(readUnits.sum());
    copy.writeUnits.add(writeUnits.sum());
    copy.failedWrites.add(failedWrites.sum());
    return copy;
  }

  /** Forgets the counts. */
  public void reset() {
    calls.clear();
    readUnits.reset();
    writeUnits.reset();
    failedWrites.reset();
  }
}
