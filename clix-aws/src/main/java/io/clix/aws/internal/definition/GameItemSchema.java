package io.clix.aws.internal.definition;

/**
 * The names the state machine and the backend share in the game table: the key, the game item's
 * attributes the generated definition reads or writes, the TTL attribute, the fields of the
 * execution input and the waiting-point names. The game item ({@code sk = 0}) must always carry
 * {@code status} (S), {@code round} (N), {@code point} (S), {@code schedule} (L) and {@code fired}
 * (M, empty at creation): the timer states write {@code fired.<point>} and DynamoDB refuses a nested
 * SET into a missing map.
 */
public final class GameItemSchema {

  /** Partition key (S): the game id. */
  public static final String PK = "pk";
  /** Sort key (N): 0 for the game item, the sequence number for event items. */
  public static final String SK = "sk";
  /** The game item's sort key. */
  public static final String GAME_ITEM_SK = "0";
  /** The game status mirror (S): LOBBY, RUNNING, FINISHED or CANCELLED. */
  public static final String STATUS = "status";
  /** The open round mirror (N), 0 when none is open. */
  public static final String ROUND = "round";
  /** Timer markers (M): waiting point → {@code {"S": "<time the timer fired>"}}. */
  public static final String FIRED = "fired";
  /**
   * The timers the game fires if nobody acts (L of M, see the store's {@code TimerSchedule}): each
   * {@code {p: point, t: instant, s: status after, r: round after, n: point after}}; empty once the
   * game ended. Every backend write replaces it; the state machine drops the head when it fires it.
   */
  public static final String SCHEDULE = "schedule";
  /** Schedule entry: the point whose timer this is (S). */
  public static final String TICK_POINT = "p";
  /** Schedule entry: the instant the game announced for it (S, ISO-8601). */
  public static final String TICK_AT = "t";
  /** Schedule entry: the status once it fired (S). */
  public static final String TICK_STATUS = "s";
  /** Schedule entry: the round once it fired (N). */
  public static final String TICK_ROUND = "r";
  /** Schedule entry: the point once it fired (S). */
  public static final String TICK_NEXT = "n";
  /**
   * How many times the execution's {@code Sync} came back to the schedule's current head (N): Sync adds
   * one, a write that changes the head (a backend's, or the state machine's {@code Fire}) sets it to 0.
   */
  public static final String WAKES = "wakes";
  /** The point the game waits at (S): a mirror of status and round. */
  public static final String POINT = "point";
  /** The waiting point the stored token was issued for (S). */
  public static final String WAIT_POINT = "waitPoint";
  /** The task token the execution waits on (S); a credential, read only by the store's write path. */
  public static final String WAIT_TOKEN = "waitToken";
  /** TTL attribute (N, epoch seconds), set when the game ends. */
  public static final String EXPIRES_AT = "expiresAt";

  /** Execution input: the game id (also the execution name). */
  public static final String INPUT_GAME_ID = "gameId";
  /** Execution input: the lobby timeout, a positive whole number of seconds. */
  public static final String INPUT_LOBBY_TIMEOUT = "lobbyTimeoutSeconds";
  /** Execution input: the round timeout, a positive whole number of seconds. */
  public static final String INPUT_ROUND_TIMEOUT = "roundTimeoutSeconds";

  /** Wait and timer task input: the field naming the waiting point. */
  public static final String TASK_WAIT_POINT = "waitPoint";
  /** Timer task input: the field naming the timer that fired. */
  public static final String TASK_TIMER = "timer";

  /** The lobby's waiting point (and timer). */
  public static final String LOBBY_POINT = "lobby";
  /** The prefix of a round's waiting point: {@code round-<n>}. */
  public static final String ROUND_POINT_PREFIX = "round-";

  /** Error a wait task fails with when the router finds the game no longer at that point. */
  public static final String ERROR_WRONG_WAIT_POINT = "Clix.WrongWaitPoint";
  /** Error the execution fails with when its game item is missing or has no status. */
  public static final String ERROR_UNKNOWN_GAME = "Clix.UnknownGame";
  /** Error the execution fails with when its game item has a status it cannot act on. */
  public static final String ERROR_BAD_GAME_ITEM = "Clix.BadGameItem";

  private GameItemSchema() {}

  /** The waiting point of round {@code n}: {@code round-<n>}. */
  public static String roundPoint(int n) {
    return ROUND_POINT_PREFIX + n;
  }
}
