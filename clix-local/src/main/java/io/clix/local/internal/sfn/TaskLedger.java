package io.clix.local.internal.sfn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The activity tasks GetActivityTask has handed out: a count per worker name that only grows, and
 * the tasks still open, so a test can tell a task on its way to a worker (or held by one) from a
 * settled stack. Tokens stay inside the tickets; nothing here exposes them.
 */
final class TaskLedger {

  private record Entry(String activityArn, String workerName, Instant at, TaskTicket ticket) {}

  private final Map<String, Long> handedOut = new TreeMap<>();
  private final List<Entry> open = new ArrayList<>();

  /** Records a task handed to a poll; called before the stack lets go of its idle hold. */
  synchronized void handedOut(String activityArn, String workerName, Instant at, TaskTicket ticket) {
    handedOut.merge(workerName == null ? "" : workerName, 1L, Long::sum);
    open.add(new Entry(activityArn, workerName, at, ticket));
  }

  synchronized Map<String, Long> counts() {
    return Map.copyOf(handedOut);
  }

  /** The handed-out tasks still open; forgets the closed ones. */
  synchronized List<SfnSnapshot.TaskInFlight> inFlight() {
    List<SfnSnapshot.TaskInFlight> out = new ArrayList<>();
    for (Iterator<Entry> it = open.iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (!e.ticket.isOpen()) {
        it.remove();
      } else {
        out.add(new SfnSnapshot.TaskInFlight(e.activityArn, e.workerName, e.at));
      }
    }
    return out;
  }
}
