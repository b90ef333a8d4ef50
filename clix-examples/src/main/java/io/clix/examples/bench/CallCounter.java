package io.clix.examples.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts AWS API calls by service and operation, as an SDK {@link ExecutionInterceptor} added to
 * the clients' override configuration. Retries count once per attempt, as AWS bills them.
 */
public final class CallCounter implements ExecutionInterceptor {

  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    calls.computeIfAbsent(service + ":" + operation, k -> new LongAdder()).increment();
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

  /** Forgets the counts. */
  public void reset() {
    calls.clear();
  }
}
