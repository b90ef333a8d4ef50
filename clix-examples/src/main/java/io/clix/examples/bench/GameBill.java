package io.clix.examples.bench;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * What one game costs at list prices (Step Functions Standard $0.025 per 1,000 state transitions;
 * DynamoDB on demand $1.25 per million write request units, $0.25 per million read request units):
 * the state transitions of its execution, the units the backend's calls consumed as DynamoDB
 * reported them ({@link CallCounter}), and the units of the state machine's own DynamoDB tasks,
 * which report none to the harness: computed from the game item's size at the end of the game (a
 * strongly consistent read 1 unit per 4 KB, a write 1 unit per KB; a failed condition costs a write
 * too), as are the backend's failed writes. Benchmark plumbing.
 *
 * @param transitions states entered by the execution
 * @param backendReadUnits read units the backend's successful calls reported
 * @param backendWriteUnits write units the backend's successful calls reported (transactions 2x)
 * @param backendFailedWrites the backend's writes that failed, priced at the game item's size
 * @param machineReads the state machine's DynamoDB reads (GetItem tasks)
 * @param machineWrites the state machine's DynamoDB writes (UpdateItem tasks, token stores included)
 * @param itemBytes the game item's size at the end, by DynamoDB's rules
 */
record GameBill(long transitions, double backendReadUnits, double backendWriteUnits, long backendFailedWrites,
    long machineReads, long machineWrites, long itemBytes) {

  static final double DOLLARS_PER_TRANSITION = 0.025 / 1_000;
  static final double DOLLARS_PER_WRITE_UNIT = 1.25 / 1_000_000;
  static final double DOLLARS_PER_READ_UNIT = 0.25 / 1_000_000;

  /** The bill of one game from its counted calls, its execution's history and its game item. */
  static GameBill of(CallCounter counter, List<HistoryEvent> history, Map<String, AttributeValue> gameItem) {
    long transitions = 0;
    long reads = 0;
    long writes = 0;
    for (HistoryEvent e : history) {
      if (e.typeAsString().endsWith("StateEntered")) {
        transitions++;
      }
      if (e.type() == HistoryEventType.TASK_SCHEDULED && e.taskScheduledEventDetails() != null
          && e.taskScheduledEventDetails().resourceType().endsWith("dynamodb")) {
        if (e.taskScheduledEventDetails().resource().startsWith("getItem")) {
          reads++;
        } else {
          writes++;
        }
      }
    }
    return new GameBill(transitions, counter.readUnits(), counter.writeUnits(), counter.failedWrites(), reads,
        writes, size(gameItem));
  }

  double itemWriteUnits() {
    return Math.max(1, Math.ceil(itemBytes / 1024.0));
  }

  double itemReadUnits() {
    return Math.max(1, Math.ceil(itemBytes / 4096.0));
  }

  double readUnits() {
    return backendReadUnits + machineReads * itemReadUnits();
  }

  double writeUnits() {
    return backendWriteUnits + (backendFailedWrites + machineWrites) * itemWriteUnits();
  }

  double transitionDollarsPer1000() {
    return transitions * DOLLARS_PER_TRANSITION * 1_000;
  }

  double writeDollarsPer1000() {
    return writeUnits() * DOLLARS_PER_WRITE_UNIT * 1_000;
  }

  double readDollarsPer1000() {
    return readUnits() * DOLLARS_PER_READ_UNIT * 1_000;
  }

  double dollarsPer1000() {
    return transitionDollarsPer1000() + writeDollarsPer1000() + readDollarsPer1000();
  }

  /** An item's size as DynamoDB counts it: names plus values, numbers about one byte per two digits. */
  static long size(Map<String, AttributeValue> item) {
    long bytes = 0;
    for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
      bytes += utf8(e.getKey()) + size(e.getValue());
    }
    return bytes;
  }

  private static long size(AttributeValue v) {
    if (v.s() != null) {
      return utf8(v.s());
    }
    if (v.n() != null) {
      return (v.n().replaceAll("[^0-9]", "").length() + 1) / 2 + 1;
    }
    if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
      return 1;
    }
    if (v.hasM()) {
      return 3 + v.m().size() + size(v.m());
    }
    if (v.hasL()) {
      return 3 + v.l().size() + v.l().stream().mapToLong(GameBill::size).sum();
    }
    return 0;
  }

  private static long utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }
}
