package io.clix.aws.internal.definition;

import static io.clix.aws.internal.definition.AslParts.DDB_GET_ITEM;
import static io.clix.aws.internal.definition.AslParts.DDB_UPDATE_ITEM;
import static io.clix.aws.internal.definition.AslParts.SDK_CONDITIONAL_CHECK_FAILED;
import static io.clix.aws.internal.definition.AslParts.SDK_UPDATE_ITEM_WAIT;
import static io.clix.aws.internal.definition.AslParts.array;
import static io.clix.aws.internal.definition.AslParts.catcher;
import static io.clix.aws.internal.definition.AslParts.gameItemKey;
import static io.clix.aws.internal.definition.AslParts.names;
import static io.clix.aws.internal.definition.AslParts.numberAt;
import static io.clix.aws.internal.definition.AslParts.object;
import static io.clix.aws.internal.definition.AslParts.optimizedThrottlingRetrier;
import static io.clix.aws.internal.definition.AslParts.sdkThrottlingRetrier;
import static io.clix.aws.internal.definition.AslParts.string;
import static io.clix.aws.internal.definition.AslParts.stringAt;
import static io.clix.aws.internal.definition.AslParts.taskFailedRetrier;
import static io.clix.aws.internal.definition.GameItemSchema.FIRED;
import static io.clix.aws.internal.definition.GameItemSchema.LOBBY_POINT;
import static io.clix.aws.internal.definition.GameItemSchema.ROUND;
import static io.clix.aws.internal.definition.GameItemSchema.STATUS;
import static io.clix.aws.internal.definition.GameItemSchema.WAIT_POINT;
import static io.clix.aws.internal.definition.GameItemSchema.WAIT_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.aws.Correlation;
import io.clix.core.GameStatus;

/**
 * One builder method per state of the game loop: {@code Sync} reads the game item, {@code Route}
 * sends the execution to the lobby wait, the round wait or the end; a wait that times out writes
 * its timer marker ({@code LobbyTimer}, {@code RoundTimer}) and announces it on the timer activity
 * ({@code Timer}); everything returns to {@code Sync}.
 *
 * <p>State data: the execution input (game id, timeouts) stays at the root; {@code $.game} holds
 * the last {@code Sync} read, {@code $.wait} the current round point ({@code point}, {@code round},
 * {@code item}) or, after a lobby timeout, {@code {"point": "lobby"}}; catchers put the error under
 * {@code $.lastError}. Wait tasks discard their result ({@code ResultPath: null}).
 */
final class GameLoopStates {

  static final String SYNC = "Sync";
  static final String ROUTE = "Route";
  static final String LOBBY = "Lobby";
  static final String LOBBY_AFTER_TIMER = "LobbyAfterTimer";
  static final String LOBBY_TIMER = "LobbyTimer";
  static final String ROUND_CHECK = "RoundCheck";
  static final String ROUND_ROUTE = "RoundRoute";
  static final String ROUND_STATE = "Round";
  static final String ROUND_AFTER_TIMER = "RoundAfterTimer";
  static final String ROUND_TIMER = "RoundTimer";
  static final String TIMER = "Timer";
  static final String DONE = "Done";
  static final String UNKNOWN_GAME = "UnknownGame";
  static final String BAD_GAME_ITEM = "BadGameItem";

  private static final String STATUS_PATH = "$.game.Item." + STATUS + ".S";
  private static final String ROUND_PATH = "$.game.Item." + ROUND + ".N";
  private static final String LOBBY_FIRED_PATH = "$.game.Item." + FIRED + ".M." + LOBBY_POINT;
  private static final String ROUND_POINT_FORMAT =
      "States.Format('" + GameItemSchema.ROUND_POINT_PREFIX + "{}', " + ROUND_PATH + ")";
  private static final String TASK_TOKEN = "$$.Task.Token";
  private static final String ENTERED_TIME = "$$.State.EnteredTime";

  private final DefinitionOptions options;

  GameLoopStates(DefinitionOptions options) {
    this.options = options;
  }

  /** Reads status, round and the lobby timer marker of the game item (strongly consistent). */
  ObjectNode sync() {
    ObjectNode parameters = getItemParameters();
    parameters.put("ProjectionExpression", "#s, #r, #f.#l");
    parameters.set("ExpressionAttributeNames",
        names("#s", STATUS, "#r", ROUND, "#f", FIRED, "#l", LOBBY_POINT));
    ObjectNode state = task(DDB_GET_ITEM, "Read the game's status, round and lobby timer marker.");
    state.set("Parameters", parameters);
    state.put("ResultPath", "$.game");
    state.set("Retry", array(optimizedThrottlingRetrier(), taskFailedRetrier()));
    state.put("Next", ROUTE);
    return state;
  }

  /** Routes on the status just read; presence checks come first so no rule reads a missing path. */
  ObjectNode route() {
    ArrayNode choices = AslParts.object().arrayNode();
    choices.add(rule(object().set("Not", isPresent(STATUS_PATH)), UNKNOWN_GAME));
    choices.add(rule(and(statusIs(GameStatus.LOBBY), isPresent(LOBBY_FIRED_PATH)), LOBBY_AFTER_TIMER));
    choices.add(rule(statusIs(GameStatus.LOBBY), LOBBY));
    choices.add(rule(and(statusIs(GameStatus.RUNNING), isPresent(ROUND_PATH)), ROUND_CHECK));
    ObjectNode ended = object();
    ended.set("Or", array(statusIs(GameStatus.FINISHED), statusIs(GameStatus.CANCELLED)));
    choices.add(rule(ended, DONE));
    ObjectNode state = object().put("Type", "Choice");
    state.put("Comment", "Lobby, round, or the end, from the status Sync read.");
    state.set("Choices", choices);
    state.put("Default", BAD_GAME_ITEM);
    return state;
  }

  /** The lobby wait; {@code timed} false after the lobby timer fired (no second timer). */
  ObjectNode lobby(boolean timed) {
    ObjectNode state = options.correlation() == Correlation.CALLBACKS
        ? callbackWait("#s = :status", string(LOBBY_POINT), string(GameStatus.LOBBY.name()), null)
        : activityWait(options.lobbyActivity().deepCopy(), object().put(GameItemSchema.TASK_WAIT_POINT, LOBBY_POINT));
    state = commented(state, timed
        ? "Wait until the game leaves the lobby or the lobby times out."
        : "Wait until the game leaves the lobby; its timer already fired.");
    finishWait(state, timed, "$." + GameItemSchema.INPUT_LOBBY_TIMEOUT, LOBBY_TIMER);
    return state;
  }

  /** Writes {@code fired.lobby} (first firing wins) and names the point for {@code Timer}. */
  ObjectNode lobbyTimer() {
    ObjectNode state = markerWrite(names("#f", FIRED, "#k", LOBBY_POINT),
        "Record that the lobby timer fired, at the time this state was entered.");
    state.set("ResultSelector", object().put("point", LOBBY_POINT));
    state.put("ResultPath", "$.wait");
    return state;
  }

  /** Reads the round again with the marker of the round {@code Sync} saw. */
  ObjectNode roundCheck() {
    ObjectNode parameters = getItemParameters();
    parameters.put("ProjectionExpression", "#r, #f.#k");
    ObjectNode names = names("#r", ROUND, "#f", FIRED);
    names.put("#k.$", ROUND_POINT_FORMAT);
    parameters.set("ExpressionAttributeNames", names);
    ObjectNode selector = object();
    selector.put("point.$", "States.Format('" + GameItemSchema.ROUND_POINT_PREFIX + "{}', $.Item." + ROUND + ".N)");
    selector.put("round.$", "$.Item." + ROUND + ".N");
    selector.put("item.$", "$.Item");
    ObjectNode state = task(DDB_GET_ITEM, "Read the open round and whether its timer already fired.");
    state.set("Parameters", parameters);
    state.set("ResultSelector", selector);
    state.put("ResultPath", "$.wait");
    state.set("Retry", array(optimizedThrottlingRetrier(), taskFailedRetrier()));
    state.put("Next", ROUND_ROUTE);
    return state;
  }

  /** Back to {@code Sync} if the round moved between the two reads, else the (un)timed round wait. */
  ObjectNode roundRoute() {
    ArrayNode choices = object().arrayNode();
    ObjectNode sameRound = object().put("Variable", "$.wait.round").put("StringEqualsPath", ROUND_PATH);
    choices.add(rule(object().set("Not", sameRound), SYNC));
    choices.add(rule(isPresent("$.wait.item." + FIRED), ROUND_AFTER_TIMER));
    ObjectNode state = object().put("Type", "Choice");
    state.put("Comment", "Wait on the round just read, with a timer unless it already fired.");
    state.set("Choices", choices);
    state.put("Default", ROUND_STATE);
    return state;
  }

  /** The round wait; {@code timed} false after the round's timer fired. */
  ObjectNode round(boolean timed) {
    ObjectNode state;
    if (options.correlation() == Correlation.CALLBACKS) {
      state = callbackWait("#s = :status AND #r = :n", stringAt("$.wait.point"),
          string(GameStatus.RUNNING.name()), numberAt("$.wait.round"));
    } else {
      ObjectNode input = object();
      input.put(GameItemSchema.TASK_WAIT_POINT + ".$", "$.wait.point");
      state = activityWait(options.roundActivity().deepCopy(), input);
    }
    state = commented(state, timed
        ? "Wait until the round closes or its deadline passes."
        : "Wait until the round closes; its timer already fired.");
    finishWait(state, timed, "$." + GameItemSchema.INPUT_ROUND_TIMEOUT, ROUND_TIMER);
    return state;
  }

  /** Writes {@code fired.round-<n>} (first firing wins). */
  ObjectNode roundTimer() {
    ObjectNode names = names("#f", FIRED);
    names.put("#k.$", "$.wait.point");
    ObjectNode state = markerWrite(names, "Record that the round's timer fired, at the time this state was entered.");
    state.putNull("ResultPath");
    return state;
  }

  /** Announces a fired timer on the shared timer activity so a backend folds it at once. */
  ObjectNode timer() {
    ObjectNode input = object();
    input.put(GameItemSchema.INPUT_GAME_ID + ".$", "$." + GameItemSchema.INPUT_GAME_ID);
    input.put(GameItemSchema.TASK_TIMER + ".$", "$.wait.point");
    ObjectNode state = object().put("Type", "Task");
    state.put("Comment", "Tell a backend the timer fired; the marker is durable if none answers.");
    state.set("Resource", options.timerActivity().deepCopy());
    state.set("Parameters", input);
    state.put("TimeoutSeconds", options.timerTimeoutSeconds());
    state.putNull("ResultPath");
    state.set("Catch", array(catcher(SYNC, "States.ALL")));
    state.put("Next", SYNC);
    return state;
  }

  ObjectNode done() {
    return object().put("Type", "Succeed").put("Comment", "The game finished or was cancelled.");
  }

  ObjectNode unknownGame() {
    return object().put("Type", "Fail")
        .put("Error", GameItemSchema.ERROR_UNKNOWN_GAME)
        .put("Cause", "The game item is missing or has no status.");
  }

  ObjectNode badGameItem() {
    return object().put("Type", "Fail")
        .put("Error", GameItemSchema.ERROR_BAD_GAME_ITEM)
        .put("Cause", "The game item's status is unknown, or the game runs without a round.");
  }

  private ObjectNode callbackWait(String condition, ObjectNode point, ObjectNode status, ObjectNode round) {
    ObjectNode parameters = object();
    parameters.set("TableName", options.tableName().deepCopy());
    parameters.set("Key", gameItemKey());
    parameters.put("UpdateExpression", "SET #t = :t, #p = :p");
    parameters.put("ConditionExpression", condition);
    ObjectNode names = names("#t", WAIT_TOKEN, "#p", WAIT_POINT, "#s", STATUS);
    ObjectNode values = object();
    values.set(":t", stringAt(TASK_TOKEN));
    values.set(":p", point);
    values.set(":status", status);
    if (round != null) {
      names.put("#r", ROUND);
      values.set(":n", round);
    }
    parameters.set("ExpressionAttributeNames", names);
    parameters.set("ExpressionAttributeValues", values);
    ObjectNode state = task(SDK_UPDATE_ITEM_WAIT, null);
    state.set("Parameters", parameters);
    state.set("Retry", array(sdkThrottlingRetrier()));
    return state;
  }

  private ObjectNode activityWait(JsonNode activity, ObjectNode input) {
    ObjectNode parameters = object();
    parameters.put(GameItemSchema.INPUT_GAME_ID + ".$", "$." + GameItemSchema.INPUT_GAME_ID);
    parameters.setAll(input);
    ObjectNode state = object().put("Type", "Task");
    state.set("Resource", activity);
    state.set("Parameters", parameters);
    options.heartbeatSeconds().ifPresent(seconds -> state.put("HeartbeatSeconds", seconds));
    return state;
  }

  /** Timeout, catchers and transitions shared by the four waits. */
  private void finishWait(ObjectNode state, boolean timed, String timeoutPath, String timerState) {
    if (timed) {
      state.put("TimeoutSecondsPath", timeoutPath);
    }
    state.putNull("ResultPath");
    ArrayNode catchers = AslParts.object().arrayNode();
    if (options.correlation() == Correlation.CALLBACKS) {
      // The game left this point before the token was stored: whoever moved it came first.
      catchers.add(catcher(SYNC, SDK_CONDITIONAL_CHECK_FAILED));
    } else {
      if (options.heartbeatSeconds().isPresent()) {
        // Listed before States.Timeout, which also matches a missed heartbeat.
        catchers.add(catcher(SYNC, "States.HeartbeatTimeout"));
      }
      catchers.add(catcher(SYNC, GameItemSchema.ERROR_WRONG_WAIT_POINT));
    }
    if (timed) {
      catchers.add(catcher(timerState, "States.Timeout"));
    }
    state.set("Catch", catchers);
    state.put("Next", SYNC);
  }

  private ObjectNode markerWrite(ObjectNode names, String comment) {
    ObjectNode parameters = object();
    parameters.set("TableName", options.tableName().deepCopy());
    parameters.set("Key", gameItemKey());
    parameters.put("UpdateExpression", "SET #f.#k = if_not_exists(#f.#k, :at)");
    parameters.set("ExpressionAttributeNames", names);
    parameters.set("ExpressionAttributeValues", object().set(":at", stringAt(ENTERED_TIME)));
    ObjectNode state = task(DDB_UPDATE_ITEM, comment);
    state.set("Parameters", parameters);
    state.set("Retry", array(optimizedThrottlingRetrier(), taskFailedRetrier()));
    state.put("Next", TIMER);
    return state;
  }

  private ObjectNode getItemParameters() {
    ObjectNode parameters = object();
    parameters.set("TableName", options.tableName().deepCopy());
    parameters.set("Key", gameItemKey());
    parameters.put("ConsistentRead", true);
    return parameters;
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

  private static ObjectNode and(ObjectNode first, ObjectNode second) {
    ObjectNode and = object();
    and.set("And", array(first, second));
    return and;
  }
}
