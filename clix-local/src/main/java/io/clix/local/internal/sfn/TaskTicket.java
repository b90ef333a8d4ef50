package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The waiting end of one task token: an activity task or a {@code .waitForTaskToken} callback.
 * The API's SendTask* calls land here; the engine decides what they mean. A ticket is open until
 * the task ends (answered, timed out, or its execution stopped); a closed ticket's token answers
 * {@code TaskTimedOut}.
 */
abstract class TaskTicket {

  final String token;
  private volatile boolean open = true;
  /** The registry that issued the token, told when the ticket closes; null if unregistered. */
  private volatile TaskTokens registry;

  TaskTicket(String token) {
    this.token = token;
  }

  boolean isOpen() {
    return open;
  }

  void registeredWith(TaskTokens tokens) {
    this.registry = tokens;
  }

  /** Closes the ticket; returns false if it was closed already. */
  boolean close() {
    synchronized (this) {
      if (!open) {
        return false;
      }
      open = false;
    }
    TaskTokens tokens = registry;
    if (tokens != null) {
      tokens.closed(this); // the token now answers TaskTimedOut without holding the waiting state
    }
    return true;
  }

  /** A worker took the task (activities only). */
  abstract void started(String workerName);

  abstract void succeeded(JsonNode output);

  abstract void failed(String error, String cause);

  abstract void heartbeat();

  @Override
  public String toString() {
    return "TaskTicket[open=" + open + "]"; // never the token
  }
}
