package io.clix.aws.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

/**
 * Follows the real task tokens the local stack issued: which game each was issued for (from the
 * executions' TaskScheduled parameters in callbacks mode, from GetActivityTask answers naming the
 * game in activities mode), and, from a {@link FaultProxy} journal, which game's item each token
 * was stored under and claimed from, and which tokens were completed. Test plumbing.
 */
public final class TokenTrail {

  /** The shape of the local stack's task tokens. */
  public static final Pattern TOKEN = Pattern.compile("AQ[A-Za-z0-9_-]{86}");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> issuedTo = new ConcurrentHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private int claims;
  private int stores;
  private int completions;

  /** Every token this trail knows, mapped to the game it was issued for. */
  public Map<String, String> issued() {
    return issuedTo;
  }

  /** Reads the tokens a game's execution handed to its callback tasks. */
  public TokenTrail history(String gameId, List<HistoryEvent> events) {
    for (HistoryEvent e : events) {
      if (e.type() == HistoryEventType.TASK_SCHEDULED && e.taskScheduledEventDetails() != null) {
        Matcher m = TOKEN.matcher(e.taskScheduledEventDetails().parameters());
        while (m.find()) {
          issue(m.group(), gameId, "history of " + gameId);
        }
      }
    }
    return this;
  }

  /** Reads the activity tasks handed out (token and game) from a proxy journal. */
  public TokenTrail activityTasks(List<FaultProxy.Exchange> journal) {
    for (FaultProxy.Exchange x : journal) {
      if (x.target().endsWith(".GetActivityTask") && x.response() != null) {
        JsonNode r = parse(x.response());
        String token = r.path("taskToken").asText("");
        if (!token.isEmpty()) {
          String game = parse(r.path("input").asText("{}")).path("gameId").asText(null);
          issue(token, game, "GetActivityTask");
        }
      }
    }
    return this;
  }

  private void issue(String token, String gameId, String where) {
    String before = issuedTo.putIfAbsent(token, String.valueOf(gameId));
    if (before != null && !before.equals(String.valueOf(gameId))) {
      problems.add("one token issued for two games (" + before + ", " + gameId + ") seen in " + where);
    }
  }

  /**
   * Checks every token movement in the journal against the game it was issued for: a store under
   * another game's item, a claim (read back) from another game's item, or a completion with a token
   * never issued, is a problem.
   */
  public TokenTrail check(List<FaultProxy.Exchange> journal) {
    Set<String> completed = ConcurrentHashMap.newKeySet();
    for (FaultProxy.Exchange x : journal) {
      if (x.target().endsWith(".UpdateItem")) {
        JsonNode req = parse(x.request());
        String game = req.path("Key").path("pk").path("S").asText(null);
        String stored = req.path("ExpressionAttributeValues").path(":token").path("S").asText(null);
        if (stored != null) {
          stores++;
          expect(stored, game, "stored under");
        }
        if (x.response() != null) {
          String claimed = parse(x.response()).path("Attributes").path("waitToken").path("S").asText(null);
          if (claimed != null) {
            claims++;
            expect(claimed, game, "claimed from");
          }
        }
      } else if (x.target().endsWith(".SendTaskSuccess") || x.target().endsWith(".SendTaskFailure")) {
        String token = parse(x.request()).path("taskToken").asText("");
        completions++;
        completed.add(token);
        if (!issuedTo.containsKey(token)) {
          problems.add("a completion with a token no execution was issued");
        }
      }
    }
    return this;
  }

  private void expect(String token, String game, String how) {
    String owner = issuedTo.get(token);
    if (owner == null) {
      problems.add("a token never issued was " + how + " game " + game);
    } else if (!owner.equals(game)) {
      problems.add("a token of game " + owner + " was " + how + " game " + game);
    }
  }

  /** Every mismatch found; empty when every token stayed with its own game. */
  public List<String> problems() {
    return problems;
  }

  public String summary() {
    return "tokens issued=" + issuedTo.size() + " stored=" + stores + " claimed=" + claims
        + " completion calls=" + completions + " problems=" + problems.size();
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? JSON.createObjectNode() : JSON.readTree(json);
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }
}
