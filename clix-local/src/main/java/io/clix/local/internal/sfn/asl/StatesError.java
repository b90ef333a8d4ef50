package io.clix.local.internal.sfn.asl;

/**
 * A runtime failure raised by an Amazon States Language operation, carrying the error name
 * ({@code States.Runtime}, {@code States.IntrinsicFailure}, {@code States.NoChoiceMatched}, ...)
 * and the cause text worded as Step Functions words it. The cause is the part after AWS's
 * "An error occurred while executing the state 'X' (entered at the event id #N). " prefix, which
 * the engine adds because only it knows the state and the event id.
 */
public final class StatesError extends RuntimeException {

  /** {@code States.Runtime}: an invalid path, a bad value, or any other data-flow failure. */
  public static final String RUNTIME = "States.Runtime";
  /** {@code States.IntrinsicFailure}: an intrinsic function failed on its arguments. */
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  /**
   * {@code States.NoChoiceMatched}, the ASL specification's name for a Choice state that matched no
   * rule; AWS itself raises {@code States.Runtime} there (see {@link ChoiceRules#NO_NEXT_STATE}).
   */
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  /** {@code States.DataLimitExceeded}: a payload is larger than the service quota. */
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

  /** {@code States.QueryEvaluationError}: a JSONata expression failed or returned nothing. */
  public static final String QUERY_EVALUATION = "States.QueryEvaluationError";

  private final String error;
  private final String cause;
  private final String location;

  /** A failure with the given error name and cause text. */
  public StatesError(String error, String cause) {
    this(error, cause, null);
  }

  /** A failure whose exception message (for logs, never for the execution) also carries a detail. */
  StatesError(String error, String cause, String detail) {
    this(error, cause, detail, null);
  }

  /** A failure about one field of the state ({@code location}, e.g. {@code Arguments/FunctionName}). */
  public StatesError(String error, String cause, String detail, String location) {
    super(error + ": " + cause + (detail == null ? "" : " (" + detail + ")"), null, false, false);
    this.error = error;
    this.cause = cause;
    this.location = location;
  }

  /** The field the failure is about, or null. */
  public String location() {
    return location;
  }

  /** A {@code States.Runtime} failure. */
  static StatesError runtime(String cause) {
    return new StatesError(RUNTIME, cause);
  }

  /** A {@code States.IntrinsicFailure} failure. */
  static StatesError intrinsic(String cause) {
    return new StatesError(INTRINSIC_FAILURE, cause);
  }

  /** The error name, as Catch and Retry match it. */
  public String error() {
    return error;
  }

  /** The cause text. */
  public String cause() {
    return cause;
  }
}
