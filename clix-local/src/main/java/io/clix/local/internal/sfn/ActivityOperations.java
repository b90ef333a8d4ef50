package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.internal.time.ClockScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The activity operations: Create/Describe/Delete/ListActivities, the GetActivityTask long poll
 * (up to 60 seconds on the stack's clock), and SendTaskSuccess/Failure/Heartbeat for activity and
 * callback tokens alike.
 */
final class ActivityOperations {

  static final Duration LONG_POLL = Duration.ofSeconds(60);

  private final Arns arns;
  private final ClockScheduler scheduler;
  private final TaskTokens tokens;
  final Map<String, Activity> activities = new ConcurrentHashMap<>();
  final TaskLedger ledger = new TaskLedger();

  ActivityOperations(Arns arns, ClockScheduler scheduler, TaskTokens tokens) {
    this.arns = arns;
    this.scheduler = scheduler;
    this.tokens = tokens;
  }

  Activity find(String arn) {
    Activity activity = activities.get(arn);
    return activity == null || activity.deleted() ? null : activity;
  }

  JsonNode create(JsonNode request) {
    String name = SfnJson.requiredText(request, "name");
    SfnJson.checkLength("name", name, 1, 80);
    Arns.checkName(name);
    String arn = arns.activity(name);
    Activity activity = activities.computeIfAbsent(arn, a -> new Activity(a, name, scheduler.now()));
    ObjectNode out = SfnJson.object();
    out.put("activityArn", activity.arn);
    out.set("creationDate", SfnJson.timestamp(activity.creationDate));
    return out;
  }

  private Activity existing(JsonNode request) {
    String arn = SfnJson.requiredText(request, "activityArn");
    SfnJson.checkLength("activityArn", arn, 1, 256);
    Arns.check(arn, "activity");
    Activity activity = find(arn);
    if (activity == null) {
      throw SfnErrors.activityDoesNotExist(arn);
    }
    return activity;
  }

  JsonNode describe(JsonNode request) {
    return existing(request).describe();
  }

  JsonNode delete(JsonNode request) {
    String arn = SfnJson.requiredText(request, "activityArn");
    Arns.check(arn, "activity");
    Activity activity = activities.remove(arn);
    if (activity != null) {
      activity.delete();
    }
    return SfnJson.object();
  }

  JsonNode list(JsonNode request) {
    List<Activity> all = new ArrayList<>(activities.values());
    all.sort(Comparator.comparing((Activity a) -> a.creationDate).thenComparing(a -> a.name));
    List<ObjectNode> items = new ArrayList<>();
    for (Activity activity : all) {
      items.add(activity.listItem());
    }
    ObjectNode out = SfnJson.object();
    Pages.page(request, items, out, "activities", "activities");
    return out;
  }

  /** The long poll: a task at once, or when one is scheduled, or nothing after 60 s on the clock. */
  JsonNode getTask(JsonNode request) {
    Activity activity = existing(request);
    String workerName = SfnJson.optionalText(request, "workerName");
    SfnJson.checkLength("workerName", workerName, 1, 80);
    Activity.Poller poller = new Activity.Poller();
    Activity.Task task = activity.pollOrWait(poller);
    if (task == null) {
      ClockScheduler.Timer timer = scheduler.scheduleAfter(LONG_POLL, () -> activity.giveUp(poller));
      try {
        task = poller.answer.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        activity.withdraw(poller);
        return SfnJson.object();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      } finally {
        timer.cancel();
      }
    }
    ObjectNode out = SfnJson.object();
    if (task == null) {
      return out;
    }
    try {
      task.ticket().started(workerName);
      ledger.handedOut(activity.arn, workerName, scheduler.now(), task.ticket());
    } finally {
      task.release().run();
    }
    out.put("taskToken", task.ticket().token);
    out.put("input", task.input());
    return out;
  }

  /** Open tasks waiting for a poll, by activity ARN (activities with none left out). */
  Map<String, Integer> queued() {
    Map<String, Integer> out = new java.util.TreeMap<>();
    activities.forEach((arn, activity) -> {
      int n = activity.queued();
      if (n > 0) {
        out.put(arn, n);
      }
    });
    return out;
  }

  JsonNode sendSuccess(JsonNode request) {
    String token = SfnJson.requiredText(request, "taskToken");
    String output = SfnJson.requiredText(request, "output");
    JsonNode parsed = SfnJson.parseOrNull(output);
    if (parsed == null) {
      throw SfnErrors.invalidOutput("Invalid Output: '" + SfnJson.parseProblem(output) + "'");
    }
    if (SfnJson.utf8Length(output) > SfnJson.PAYLOAD_LIMIT) {
      throw SfnErrors.validation("1 validation error detected: Value at 'output' failed to satisfy "
          + "constraint: Member must have length less than or equal to " + SfnJson.PAYLOAD_LIMIT);
    }
    tokens.open(token).succeeded(parsed);
    return SfnJson.object();
  }

  JsonNode sendFailure(JsonNode request) {
    String token = SfnJson.requiredText(request, "taskToken");
    String error = SfnJson.optionalText(request, "error");
    String cause = SfnJson.optionalText(request, "cause");
    SfnJson.checkLength("error", error, 0, 256);
    SfnJson.checkLength("cause", cause, 0, 32768);
    tokens.open(token).failed(error, cause);
    return SfnJson.object();
  }

  JsonNode sendHeartbeat(JsonNode request) {
    String token = SfnJson.requiredText(request, "taskToken");
    tokens.open(token).heartbeat();
    return SfnJson.object();
  }
}
