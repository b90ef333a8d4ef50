package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * An activity: its scheduled tasks waiting for a worker and the workers waiting in a long poll.
 * Each task goes to exactly one worker, first come first served.
 */
final class Activity {

  /**
   * A task handed to a worker: the token and the input it gets, and the stack's hold on being idle
   * ({@code release}), kept while the task is on its way to a waiting poll.
   */
  record Task(TaskTicket ticket, String input, Runnable release) {}

  /** A worker waiting in GetActivityTask. */
  static final class Poller {
    final CompletableFuture<Task> answer = new CompletableFuture<>();
  }

  final String arn;
  final String name;
  final Instant creationDate;
  private final Deque<Task> tasks = new ArrayDeque<>();
  private final Deque<Poller> pollers = new ArrayDeque<>();
  private volatile boolean deleted;

  Activity(String arn, String name, Instant creationDate) {
    this.arn = arn;
    this.name = name;
    this.creationDate = creationDate;
  }

  /** Hands {@code task} to a waiting worker, or queues it for the next poll. */
  void offer(Task task) {
    while (true) {
      Poller poller;
      synchronized (this) {
        poller = pollers.pollFirst();
        if (poller == null) {
          tasks.addLast(task);
          task.release().run(); // it waits for a poll now, not for the stack
          return;
        }
      }
      if (poller.answer.complete(task)) {
        return;
      }
      // that worker went away (its answer was cancelled): try the next one
    }
  }

  /** Open tasks waiting for a poll. */
  synchronized int queued() {
    int n = 0;
    for (Task task : tasks) {
      if (task.ticket().isOpen()) {
        n++;
      }
    }
    return n;
  }

  /** Takes a queued open task, or registers {@code poller} to wait for one; returns the task or null. */
  synchronized Task pollOrWait(Poller poller) {
    Task task;
    while ((task = tasks.pollFirst()) != null) {
      if (task.ticket().isOpen()) {
        return task;
      }
    }
    pollers.addLast(poller);
    return null;
  }

  /**
   * Ends a poll that got no task (its 60 seconds are over). A poller {@link #offer} has already
   * taken keeps the task it is being handed.
   */
  void giveUp(Poller poller) {
    boolean waiting;
    synchronized (this) {
      waiting = pollers.remove(poller);
    }
    if (waiting) {
      poller.answer.complete(null);
    }
  }

  /** Withdraws a worker that went away; a task already handed to it goes to the next worker. */
  void withdraw(Poller poller) {
    synchronized (this) {
      pollers.remove(poller);
    }
    if (!poller.answer.cancel(false)) {
      Task task = poller.answer.getNow(null);
      if (task != null) {
        offer(task);
      }
    }
  }

  void delete() {
    deleted = true;
  }

  /** How many scheduled tasks wait for a worker (read by the console). */
  synchronized int waitingTasks() {
    return (int) tasks.stream().filter(t -> t.ticket().isOpen()).count();
  }

  /** How many workers wait in a long poll (read by the console). */
  synchronized int waitingPollers() {
    return pollers.size();
  }

  boolean deleted() {
    return deleted;
  }

  ObjectNode listItem() {
    ObjectNode out = SfnJson.object();
    out.put("activityArn", arn);
    out.put("name", name);
    out.set("creationDate", SfnJson.timestamp(creationDate));
    return out;
  }

  ObjectNode describe() {
    ObjectNode out = listItem();
    out.putObject("encryptionConfiguration").put("type", "AWS_OWNED_KEY");
    return out;
  }
}
