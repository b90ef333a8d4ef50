package io.clix.aws.internal.definition;

import static io.clix.aws.internal.definition.AslParts.DDB_CONDITIONAL_CHECK_FAILED;
import static io.clix.aws.internal.definition.AslParts.DDB_UPDATE_ITEM;
import static io.clix.aws.internal.definition.AslParts.SDK_CONDITIONAL_CHECK_FAILED;
import static io.clix.aws.internal.definition.AslParts.SDK_UPDATE_ITEM_WAIT;
import static io.clix.aws.internal.definition.AslParts.array;
import static io.clix.aws.internal.definition.AslParts.catcher;
import static io.clix.aws.internal.definition.AslParts.gameItemKey;
import static io.clix.aws.internal.definition.AslParts.names;
import static io.clix.aws.internal.definition.AslParts.object;
import static io.clix.aws.internal.definition.AslParts.optimizedThrottlingRetrier;
import static io.clix.aws.internal.definition.AslParts.retrier;
import static io.clix.aws.internal.definition.AslParts.sdkThrottlingRetrier;
import static io.clix.aws.internal.definition.AslParts.string;
import static io.clix.aws.internal.definition.AslParts.stringAt;
import static io.clix.aws.internal.definition.AslParts.taskFailedRetrier;
import static io.clix.aws.internal.definition.GameItemSchema.FIRED;
import static io.clix.aws.internal.definition.GameItemSchema.LOBBY_POINT;
import static io.clix.aws.internal.definition.GameItemSchema.POINT;
import static io.clix.aws.internal.definition.GameItemSchema.ROUND;
import static io.clix.aws.internal.definition.GameItemSchema.SCHEDULE;
import static io.clix.aws.internal.definition.GameItemSchema.STATUS;
import static io.clix.aws.internal.definition.GameItemSchema.TICK_AT;
import static io.clix.aws.internal.definition.GameItemSchema.TICK_NEXT;
import static io.clix.aws.internal.definition.GameItemSchema.TICK_POINT;
import static io.clix.aws.internal.definition.GameItemSchema.TICK_ROUND;
import static io.clix.aws.internal.definition.GameItemSchema.TICK_STATUS;
import static io.clix.aws.internal.definition.GameItemSchema.WAIT_POINT;
import static io.clix.aws.internal.definition.GameItemSchema.WAIT_TOKEN;
import static io.clix.aws.internal.definition.GameItemSchema.WAKES;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.core.GameStatus;

/**
 * One builder method per state of the game loop. {@code Sync} reads the game item's status and its
 * {@code schedule} (the timers the game fires if nobody acts, see {@link GameItemSchema#SCHEDULE});
 * {@code Route} sends the execution to {@code Lobby} (the head is the lobby timeout), {@code Clock}
 * (the head is a round deadline) or the end. Both are Parallel states whose clock branch is a Wait
 * with a {@code TimestampPath} on the head's announced instant, so a deadline fires at that instant
 * however late the execution entered the wait (a backend crashed, a task was held); the other branch
 * is the lobby's wake-up task (a backend completes it when the game leaves the lobby, possibly for a
 * round whose deadline is earlier; it times out after one round timeout, so a lost wake-up still
 * leaves the execution time to wait for round 1's deadline) or, in {@code Clock}, the announcement of the timer that fired last
 * on the shared timer activity (so a backend folds it at once), then the round's wake-up task (so
 * the execution ends with the game). Nothing waits past the head: a task
 * held by anyone is cancelled when the clock branch ends the Parallel. {@code Due} names the head,
 * {@code Fire} writes its marker at the announced instant, moves the status/round/point mirrors to
 * the head's and drops the head, conditional on the head being the one read (a backend write in
 * between replaced the schedule: back to {@code Sync}). A round that closes early only moves the next
 * deadline later, so a lost round wake-up costs no lateness: the execution re-reads at the old one. When the
 * schedule is empty the game ended: {@code LastTimer} announces the last fired timer (bounded by the
 * timer task timeout, the documented maximum for a game with no next deadline) and {@code Done}.
 *
 * <p>Every wake-up that is not the deadline goes straight back to {@code Sync}, which counts its
 * entries per head in the game item's {@code wakes} (one conditional UpdateItem that also reads
 * status, round and schedule; a write that changes the head sets it to 0). A backend's own wake-up
 * changes the head (the game left the lobby, a round closed early), so after {@link
 * #WAKES_BEFORE_QUIET} wake-ups of one head (stale or foreign answers, failures sent by anyone, missed
 * heartbeats, lobby re-reads) {@code Route} picks {@code LobbyQuiet} or {@code ClockQuiet}: the same
 * timers with no task to hold or answer, so nothing outside the execution can make it loop faster
 * than once per round timeout. A lobby that a backend ends costs six states ({@code Sync}, {@code
 * Route}, the Parallel, its clock, its task and the end of that branch); a round seven (its branch
 * first chooses whether to announce a timer), eight with an announcement.
 *
 * <p>State data: the execution input stays at the root; {@code $.game} holds the last {@code Sync}
 * read ({@code Item} and the count {@code wakes}), {@code $.wait} the point {@code Fire} recorded last
 * ({@code {"point": ...}}); catchers put the error under {@code $.lastError}.
 */
final class GameLoopStates {

  static final String SYNC = "Sync";
  static final String ROUTE = "Route";
  static final String LOBBY = "Lobby";
  static final String CLOCK = "Clock";
  static final String DUE = "Due";
  static final String FIRE = "Fire";
  static final String LAST_TIMER = "LastTimer";
  static final String DONE = "Done";
  static final String UNKNOWN_GAME = "UnknownGame";
  static final String BAD_GAME_ITEM = "BadGameItem";
  static final String LOBBY_QUIET = "LobbyQuiet";
  static final String CLOCK_QUIET = "ClockQuiet";

  /**
   * Wake-ups of one wait (the same head) after which the execution stops handing out its task and
   * waits on time alone: a backend's legitimate wake-up changes the head (the game left the lobby, a
   * round closed), so repeats come from stale or foreign answers, missed heartbeats or lobby polls.
   */
  static final int WAKES_BEFORE_QUIET = 3;

  /** The error the clock branch ends a Parallel with when the head's instant came. */
  static final String ERROR_DEADLINE = "Clix.Deadline";
  /** The error the wake-up branch ends the lobby's Parallel with when its task ended. */
  static final String ERROR_WOKEN = "Clix.Woken";

  private static final String STATUS_PATH = "$.game.Item." + STATUS + ".S";
  private static final String ROUND_PATH = "$.game.Item." + ROUND + ".N";
  private static final String ROUND_POINT =
      "States.Format('" + GameItemSchema.ROUND_POINT_PREFIX + "{}', " + ROUND_PATH + ")";
  private static final String HEAD = "$.game.Item." + SCHEDULE + ".L[0]";
  private static final String HEAD_POINT = HEAD + ".M." + TICK_POINT + ".S";
  private static final String HEAD_AT = HEAD + ".M." + TICK_AT + ".S";
  private static final String FIRED_POINT = "$.wait.point";
  private static final String TASK_TOKEN = "$$.Task.Token";
  /** The count Sync returned: its entries since the schedule's head last changed, this one included. */
  private static final String WAKES_N = "$.game.wakes";

  private final DefinitionOptions options;

  GameLoopStates(DefinitionOptions options) {
    this.options = options;
  }

  /**
   * Reads status, round and schedule of the game item and counts this entry in its {@code wakes}:
   * one conditional UpdateItem that changes nothing else and returns only those attributes (never
   * the token). A write that changes the schedule's head (a backend's, or {@link #fire()}) sets
   * {@code wakes} to 0, so the count is the number of times the execution came back to the same
   * head; a missing game item fails the condition.
   */
  ObjectNode sync() {
    ObjectNode parameters = object();
    parameters.set("TableName", options.tableName().deepCopy());
    parameters.set("Key", gameItemKey());
    parameters.put("UpdateExpression", "SET #s = #s, #r = #r, #sch = #sch ADD #w :one");
    parameters.put("ConditionExpression", "attribute_exists(#s)");
    parameters.set("ExpressionAttributeNames", names("#s", STATUS, "#r", ROUND, "#sch", SCHEDULE, "#w", WAKES));
    parameters.set("ExpressionAttributeValues", object().set(":one", object().put("N", "1")));
    parameters.put("ReturnValues", "UPDATED_NEW");
    ObjectNode state = task(DDB_UPDATE_ITEM,
        "Read the game's status, round and the timers it fires if nobody acts; count this return to its head.");
    state.set("Parameters", parameters);
    state.set("ResultSelector", object().put("Item.$", "$.Attributes")
        .put("wakes.$", "States.StringToJson($.Attributes." + WAKES + ".N)"));
    state.put("ResultPath", "$.game");
    state.set("Retry", array(retrier(1, 0, 1.0, DDB_CONDITIONAL_CHECK_FAILED), optimizedThrottlingRetrier(),
        taskFailedRetrier()));
    state.set("Catch", array(catcher(UNKNOWN_GAME, DDB_CONDITIONAL_CHECK_FAILED)));
    state.put("Next", ROUTE);
    return state;
  }

  /** Routes on the schedule's head; presence checks come first so no rule reads a missing path. */
  ObjectNode route() {
    ArrayNode choices = object().arrayNode();
    choices.add(rule(object().set("Not", isPresent(STATUS_PATH)), UNKNOWN_GAME));
    choices.add(rule(and(quiet(), isPresent(HEAD_POINT),
        object().put("Variable", HEAD_POINT).put("StringEquals", LOBBY_POINT)), LOBBY_QUIET));
    choices.add(rule(quiet(), CLOCK_QUIET));
    choices.add(rule(and(isPresent(HEAD_POINT),
        object().put("Variable", HEAD_POINT).put("StringEquals", LOBBY_POINT)), LOBBY));
    choices.add(rule(isPresent(HEAD_AT), CLOCK));
    choices.add(rule(isPresent(FIRED_POINT), LAST_TIMER));
    ObjectNode ended = object();
    ended.set("Or", array(statusIs(GameStatus.FINISHED), statusIs(GameStatus.CANCELLED)));
    choices.add(rule(ended, DONE));
    ObjectNode state = object().put("Type", "Choice");
    state.put("Comment", "The lobby, the next deadline, or the end, from the schedule Sync read; a wait woken "
        + WAKES_BEFORE_QUIET + " times for the same head waits on time alone.");
    state.set("Choices", choices);
    state.put("Default", BAD_GAME_ITEM);
    return state;
  }

  /** The lobby: its timeout at the announced instant, or earlier when a backend wakes the execution. */
  ObjectNode lobby() {
    ObjectNode wait = options.waitStyle() == WaitStyle.CALLBACKS
        ? callbackWait("#s = :status", string(LOBBY_POINT), string(GameStatus.LOBBY.name()))
        : activityWait(options.lobbyActivity(), object().put(GameItemSchema.TASK_WAIT_POINT, LOBBY_POINT));
    wait = commented(wait, "Wait until a backend sees the game leave the lobby, at most one round timeout.");
    // A start whose wake-up was lost (its backend died after the write) opens round 1 with a deadline
    // at least a round timeout after this wait began: re-reading by then keeps that deadline exact.
    wait.put("TimeoutSecondsPath", "$." + GameItemSchema.INPUT_ROUND_TIMEOUT);
    ArrayNode catchers = object().arrayNode();
    catchers.add(AslParts.catcher("LobbyLeft", "States.ALL"));
    wait.set("Catch", catchers);
    wait.put("Next", "LobbyLeft");
    ObjectNode left = failState(ERROR_WOKEN, "The game may have left the lobby: read it again.");
    ObjectNode wake = branch("LobbyWait", wait, "LobbyLeft", left);
    return parallel("Wait for the lobby timeout at its announced instant, or a backend's wake-up.",
        clockBranch("LobbyClock", "LobbyDue"), wake);
  }

  /**
   * The next deadline at its announced instant; meanwhile the timer fired last is announced and the
   * round's wake-up task waits (a backend completes it when the round closes early or the game ends,
   * so the execution ends with the game; a deadline only moves later, so waking is never needed for
   * time).
   */
  ObjectNode clock() {
    ObjectNode announce = object().put("Type", "Choice");
    announce.set("Choices", array(rule(isPresent(FIRED_POINT), "Announce")));
    announce.put("Default", "RoundWait");
    ObjectNode task = timerTask("Tell a backend the last timer fired; the clock branch bounds it.");
    task.set("Catch", array(AslParts.catcher("RoundWait", "States.ALL")));
    task.put("Next", "RoundWait");
    ObjectNode wait;
    if (options.waitStyle() == WaitStyle.CALLBACKS) {
      ObjectNode round = object().put("N.$", ROUND_PATH);
      wait = callbackWait("#s = :status AND #r = :n", stringAt(ROUND_POINT), string(GameStatus.RUNNING.name()));
      ObjectNode parameters = (ObjectNode) wait.get("Parameters");
      ((ObjectNode) parameters.get("ExpressionAttributeNames")).put("#r", ROUND);
      ((ObjectNode) parameters.get("ExpressionAttributeValues")).set(":n", round);
    } else {
      wait = activityWait(options.roundActivity(), object().put(GameItemSchema.TASK_WAIT_POINT + ".$", ROUND_POINT));
    }
    wait = commented(wait, "Wait until a backend sees the round close or the game end.");
    wait.set("Catch", array(AslParts.catcher("RoundLeft", "States.ALL")));
    wait.put("Next", "RoundLeft");
    ObjectNode branch = branch("AnnounceOrNot", announce, "Announce", task);
    branch.with("States").set("RoundWait", wait);
    branch.with("States").set("RoundLeft", failState(ERROR_WOKEN, "The round may have closed: read it again."));
    return parallel("Wait until the next deadline's announced instant, or a backend's wake-up.",
        clockBranch("ClockWait", "ClockDue"), branch);
  }

  /**
   * The lobby after {@link #WAKES_BEFORE_QUIET} wake-ups of the same head: its timeout at the
   * announced instant, or a re-read after one round timeout (a start whose wake-up was lost opens
   * round 1 no earlier), with no task for anyone to hold or answer.
   */
  ObjectNode lobbyQuiet() {
    ObjectNode poll = object().put("Type", "Wait");
    poll.put("Comment", "Re-read after one round timeout: a start is seen before round 1's deadline.");
    poll.put("SecondsPath", "$." + GameItemSchema.INPUT_ROUND_TIMEOUT);
    poll.put("Next", "LobbyPolled");
    ObjectNode polled = failState(ERROR_WOKEN, "The game may have left the lobby: read it again.");
    return parallel("Wait for the lobby timeout at its announced instant, re-reading once per round timeout.",
        clockBranch("LobbyQuietClock", "LobbyQuietDue"), branch("LobbyPoll", poll, "LobbyPolled", polled));
  }

  /**
   * The next deadline after {@link #WAKES_BEFORE_QUIET} wake-ups of the same head: time alone (a
   * deadline only moves later, so waking is never needed for time).
   */
  ObjectNode clockQuiet() {
    ObjectNode wait = object().put("Type", "Wait");
    wait.put("Comment", "Until the head's announced instant, with no task for anyone to hold or answer.");
    wait.put("TimestampPath", HEAD_AT);
    wait.put("Next", DUE);
    return wait;
  }

  /** Names the head that came due, for the marker and the announcement. */
  ObjectNode due() {
    ObjectNode state = object().put("Type", "Pass");
    state.put("Comment", "The head of the schedule came due.");
    state.set("Parameters", object().put("point.$", HEAD_POINT));
    state.put("ResultPath", "$.wait");
    state.put("Next", FIRE);
    return state;
  }

  /** Records the head as fired at its instant, moves the mirrors to its, and drops it. */
  ObjectNode fire() {
    ObjectNode parameters = object();
    parameters.set("TableName", options.tableName().deepCopy());
    parameters.set("Key", gameItemKey());
    parameters.put("UpdateExpression", "SET #f.#k = :t, #s = :s, #r = :r, #p = :n, #w = :zero REMOVE #sch[0]");
    // The whole head as read: a backend write since the read may keep the head's point and instant but
    // change what firing it leads to (players joined a lobby that would have been cancelled), and the
    // mirrors written here must be those of the game as it stands, not as it was read.
    parameters.put("ConditionExpression",
        "#sch[0].#tp = :k AND #sch[0].#tt = :t AND #sch[0].#ts = :s AND #sch[0].#tr = :r AND #sch[0].#tn = :n");
    ObjectNode names = names("#f", FIRED, "#s", STATUS, "#r", ROUND, "#p", POINT, "#sch", SCHEDULE,
        "#tp", TICK_POINT, "#tt", TICK_AT, "#w", WAKES);
    names.put("#ts", TICK_STATUS);
    names.put("#tr", TICK_ROUND);
    names.put("#tn", TICK_NEXT);
    names.put("#k.$", HEAD_POINT);
    parameters.set("ExpressionAttributeNames", names);
    ObjectNode values = object();
    values.set(":k", stringAt(HEAD_POINT));
    values.set(":t", stringAt(HEAD_AT));
    values.set(":s", stringAt(HEAD + ".M." + TICK_STATUS + ".S"));
    values.set(":r", object().put("N.$", HEAD + ".M." + TICK_ROUND + ".N"));
    values.set(":n", stringAt(HEAD + ".M." + TICK_NEXT + ".S"));
    values.set(":zero", object().put("N", "0"));
    parameters.set("ExpressionAttributeValues", values);
    ObjectNode state = task(DDB_UPDATE_ITEM,
        "Record the timer as fired at its announced instant and move the game on, if a backend did not.");
    state.set("Parameters", parameters);
    state.putNull("ResultPath");
    state.set("Retry", array(retrier(1, 0, 1.0, DDB_CONDITIONAL_CHECK_FAILED), optimizedThrottlingRetrier(),
        taskFailedRetrier()));
    ObjectNode lost = AslParts.catcher(SYNC, DDB_CONDITIONAL_CHECK_FAILED);
    lost.put("ResultPath", "$.wait"); // nothing fired here: nothing to announce
    state.set("Catch", array(lost));
    state.put("Next", SYNC);
    return state;
  }

  /** Announces the timer that ended the game; bounded by the timer task timeout. */
  ObjectNode lastTimer() {
    ObjectNode state = timerTask("Tell a backend the timer that ended the game fired.");
    state.set("Catch", array(catcher(DONE, "States.ALL")));
    state.put("Next", DONE);
    return state;
  }

  ObjectNode done() {
    return object().put("Type", "Succeed").put("Comment", "The game finished or was cancelled.");
  }

  ObjectNode unknownGame() {
    return failState(GameItemSchema.ERROR_UNKNOWN_GAME, "The game item is missing or has no status.");
  }

  ObjectNode badGameItem() {
    return failState(GameItemSchema.ERROR_BAD_GAME_ITEM,
        "The game item has no schedule though the game has not ended.");
  }

  private ObjectNode clockBranch(String waitName, String dueName) {
    ObjectNode wait = object().put("Type", "Wait");
    wait.put("Comment", "Until the announced instant of the schedule's head.");
    wait.put("TimestampPath", HEAD_AT);
    wait.put("Next", dueName);
    return branch(waitName, wait, dueName, failState(ERROR_DEADLINE, "The head's instant came."));
  }

  private static ObjectNode branch(String firstName, ObjectNode first, String secondName, ObjectNode second) {
    ObjectNode branch = object().put("StartAt", firstName);
    ObjectNode states = branch.putObject("States");
    states.set(firstName, first);
    states.set(secondName, second);
    return branch;
  }

  private static ObjectNode parallel(String comment, ObjectNode clock, ObjectNode other) {
    ObjectNode state = object().put("Type", "Parallel");
    state.put("Comment", comment);
    state.set("Branches", array(clock, other));
    state.putNull("ResultPath");
    state.set("Catch", array(catcher(DUE, ERROR_DEADLINE), catcher(SYNC, "States.ALL")));
    state.put("Next", SYNC);
    return state;
  }

  private ObjectNode timerTask(String comment) {
    ObjectNode input = object();
    input.put(GameItemSchema.INPUT_GAME_ID + ".$", "$." + GameItemSchema.INPUT_GAME_ID);
    input.put(GameItemSchema.TASK_TIMER + ".$", FIRED_POINT);
    ObjectNode state = object().put("Type", "Task");
    state.put("Comment", comment);
    state.set("Resource", options.timerActivity().deepCopy());
    state.set("Parameters", input);
    state.put("TimeoutSeconds", options.timerTimeoutSeconds());
    state.putNull("ResultPath");
    return state;
  }

  private ObjectNode callbackWait(String condition, ObjectNode point, ObjectNode status) {
    ObjectNode parameters = object();
    parameters.set("TableName", options.tableName().deepCopy());
    parameters.set("Key", gameItemKey());
    parameters.put("UpdateExpression", "SET #t = :t, #p = :p");
    parameters.put("ConditionExpression", condition);
    ObjectNode values = object();
    values.set(":t", stringAt(TASK_TOKEN));
    values.set(":p", point);
    values.set(":status", status);
    parameters.set("ExpressionAttributeNames", names("#t", WAIT_TOKEN, "#p", WAIT_POINT, "#s", STATUS));
    parameters.set("ExpressionAttributeValues", values);
    ObjectNode state = task(SDK_UPDATE_ITEM_WAIT, null);
    state.set("Parameters", parameters);
    state.set("Retry", array(sdkThrottlingRetrier()));
    state.putNull("ResultPath");
    return state;
  }

  private ObjectNode activityWait(com.fasterxml.jackson.databind.JsonNode activity, ObjectNode point) {
    ObjectNode parameters = object();
    parameters.put(GameItemSchema.INPUT_GAME_ID + ".$", "$." + GameItemSchema.INPUT_GAME_ID);
    parameters.setAll(point);
    ObjectNode state = object().put("Type", "Task");
    state.set("Resource", activity.deepCopy());
    state.set("Parameters", parameters);
    options.heartbeatSeconds().ifPresent(seconds -> state.put("HeartbeatSeconds", seconds));
    state.putNull("ResultPath");
    return state;
  }

  private static ObjectNode failState(String error, String cause) {
    return object().put("Type", "Fail").put("Error", error).put("Cause", cause);
  }

  private static ObjectNode task(String resource, String comment) {
    ObjectNode state = object().put("Type", "Task");
    if (comment != null) {
      state.put("Comment", comment);
    }
    state.put("Resource", resource);
    return state;
  }

  /** The same state with its Comment right after its Type, where a reader looks for it. */
  private static ObjectNode commented(ObjectNode state, String comment) {
    ObjectNode ordered = object().put("Type", state.path("Type").asText()).put("Comment", comment);
    ordered.setAll(state);
    return ordered;
  }

  private static ObjectNode rule(ObjectNode condition, String next) {
    return condition.put("Next", next);
  }

  private static ObjectNode statusIs(GameStatus status) {
    return object().put("Variable", STATUS_PATH).put("StringEquals", status.name());
  }

  private static ObjectNode isPresent(String path) {
    return object().put("Variable", path).put("IsPresent", true);
  }

  private static ObjectNode and(ObjectNode... conditions) {
    ObjectNode and = object();
    ArrayNode all = and.putArray("And");
    for (ObjectNode condition : conditions) {
      all.add(condition);
    }
    return and;
  }

  /** The wait about to start was woken {@link #WAKES_BEFORE_QUIET} times for this same head. */
  private static ObjectNode quiet() {
    return and(isPresent(HEAD_AT), isPresent(WAKES_N),
        object().put("Variable", WAKES_N).put("NumericGreaterThan", WAKES_BEFORE_QUIET));
  }
}
