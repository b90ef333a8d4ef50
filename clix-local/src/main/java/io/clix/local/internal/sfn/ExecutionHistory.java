package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The event history of one execution: events numbered from 1, each naming the event before it in
 * its own branch of control ({@code previousEventId}), with AWS's type names and detail fields.
 * Guarded by the execution's lock.
 */
final class ExecutionHistory {

  /** AWS's hard limit on the events of one execution. */
  static final int LIMIT = 25_000;

  private final List<ObjectNode> events = new ArrayList<>();

  /** Thrown when an event would take the history past {@link #LIMIT}. */
  static final class LimitExceeded extends RuntimeException {
    LimitExceeded() {
      super("history limit", null, false, false);
    }
  }

  /**
   * Appends an event and returns its id.
   *
   * @param detailsField e.g. {@code stateEnteredEventDetails}; {@code null} for none
   * @throws LimitExceeded if the history is full (the caller then fails the execution; the final
   *     event itself is always admitted via {@link #addFinal})
   */
  long add(Instant timestamp, String type, long previousEventId, String detailsField, ObjectNode details) {
    if (events.size() >= LIMIT - 1) {
      throw new LimitExceeded();
    }
    return addFinal(timestamp, type, previousEventId, detailsField, details);
  }

  /** Appends an event even at the limit (the execution's closing event). */
  long addFinal(Instant timestamp, String type, long previousEventId, String detailsField, ObjectNode details) {
    ObjectNode event = SfnJson.object();
    long id = events.size() + 1;
    event.set("timestamp", SfnJson.timestamp(timestamp));
    event.put("type", type);
    event.put("id", id);
    event.put("previousEventId", previousEventId);
    if (detailsField != null) {
      event.set(detailsField, details == null ? SfnJson.object() : details);
    }
    events.add(event);
    return id;
  }

  int size() {
    return events.size();
  }

  List<ObjectNode> snapshot() {
    return new ArrayList<>(events);
  }
}
