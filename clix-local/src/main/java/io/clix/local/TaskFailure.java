package io.clix.local;

/**
 * Thrown by a {@link TaskHandler} to fail its task with an error name (what {@code ErrorEquals}
 * matches) and a cause, as a Lambda function's unhandled error would.
 */
public class TaskFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String error;
  private final String cause;

  /**
   * A failure with an error name and a cause.
   *
   * @param error the error name, e.g. {@code Game.Full}
   * @param cause a human-readable cause; may be {@code null}
   */
  public TaskFailure(String error, String cause) {
    super(error + (cause == null ? "" : ": " + cause));
    this.error = error;
    this.cause = cause;
  }

  /** The error name. */
  public String error() {
    return error;
  }

  /** The cause, or {@code null}. */
  public String cause() {
    return cause;
  }
}
