package io.clix.aws.internal.router;

/** The errors the router fails a task with (SendTaskFailure); the execution can catch them by name. */
public final class RouterErrors {
  /** The task input is not a JSON object naming a valid game id and waiting point (or timer). */
  public static final String BAD_TASK_INPUT = "Clix.BadTaskInput";
  /** The task input names a game the table does not hold. */
  public static final String UNKNOWN_GAME = "Clix.UnknownGame";
  /** The task waits at a point its game is not at and never will be (or on the wrong activity). */
  public static final String WRONG_WAIT_POINT = "Clix.WrongWaitPoint";

  private RouterErrors() {}
}
