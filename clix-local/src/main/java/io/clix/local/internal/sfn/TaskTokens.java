package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Issues unguessable, opaque task tokens (64 bytes from {@link SecureRandom}) and finds the ticket
 * behind one. Tokens are credentials: nothing here logs them.
 */
final class TaskTokens {

  private static final Pattern SHAPE = Pattern.compile("AQ[A-Za-z0-9_-]{86}");

  private final SecureRandom random = new SecureRandom();
  private final Map<String, TaskTicket> tickets = new ConcurrentHashMap<>();

  String newToken() {
    byte[] bytes = new byte[64];
    random.nextBytes(bytes);
    return "AQ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Stands for every closed ticket: its token answers TaskTimedOut. */
  private static final TaskTicket CLOSED = new TaskTicket("") {
    {
      close();
    }

    @Override
    void started(String workerName) {}

    @Override
    void succeeded(JsonNode output) {}

    @Override
    void failed(String error, String cause) {}

    @Override
    void heartbeat() {}
  };

  /** Registers an open ticket of {@code execution}, which remembers the token to forget it with the execution. */
  void register(TaskTicket ticket, Execution execution) {
    tickets.put(ticket.token, ticket);
    ticket.registeredWith(this);
    execution.issued(ticket.token);
  }

  /** A ticket closed: its token keeps answering TaskTimedOut, without the ticket. */
  void closed(TaskTicket ticket) {
    tickets.replace(ticket.token, ticket, CLOSED);
  }

  /** Forgets the tokens of an execution the stack no longer keeps (they then answer TaskDoesNotExist). */
  void forget(Execution execution) {
    if (execution.tokens != null) {
      for (String token : execution.tokens) {
        tickets.remove(token);
      }
    }
  }

  /**
   * The open ticket of {@code token}.
   *
   * @throws io.clix.local.internal.http.ServiceError InvalidToken for a token this service
   *     never issued the shape of, TaskDoesNotExist for an unknown one, TaskTimedOut for a closed one
   */
  TaskTicket open(String token) {
    if (token.length() > 2048) {
      throw SfnErrors.validation("1 validation error detected: Value at 'taskToken' failed to satisfy "
          + "constraint: Member must have length less than or equal to 2048");
    }
    if (!SHAPE.matcher(token).matches()) {
      throw SfnErrors.invalidToken("Invalid token");
    }
    TaskTicket ticket = tickets.get(token);
    if (ticket == null) {
      throw SfnErrors.taskDoesNotExist();
    }
    if (!ticket.isOpen()) {
      throw SfnErrors.taskTimedOut();
    }
    return ticket;
  }
}
