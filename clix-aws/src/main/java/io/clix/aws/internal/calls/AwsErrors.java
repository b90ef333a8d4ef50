package io.clix.aws.internal.calls;

import io.clix.core.ClixException;
import io.clix.core.ClixServiceException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into the typed Clix errors: a {@link ClixServiceException} carrying the
 * game id, the service's error code and whether a retry may help (throttling, 5xx, network). The
 * message names the operation, the code and the HTTP status, never the service's own message,
 * which for task calls might echo a token; the SDK exception is kept as the cause only for calls
 * that carry no token.
 */
public final class AwsErrors {

  private AwsErrors() {}

  /** Unwraps {@link CompletionException}/{@link ExecutionException} layers. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** The service's error code of {@code t} (after unwrapping), or {@code null}. */
  public static String errorCode(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof AwsServiceException) {
      AwsServiceException ase = (AwsServiceException) e;
      return ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
    }
    return null;
  }

  /** True if {@code t} is a service error with this code. */
  public static boolean is(Throwable t, String code) {
    return code.equals(errorCode(t));
  }

  /**
   * The Clix error for a failed call; Clix errors pass through unchanged.
   *
   * @param operation what was being done, e.g. {@code "DynamoDB TransactWriteItems"}
   * @param carriesToken true if the request held a task token (the cause is then dropped)
   */
  public static RuntimeException map(Throwable t, String operation, String gameId, boolean carriesToken) {
    Throwable e = unwrap(t);
    if (e instanceof ClixException) {
      return (ClixException) e;
    }
    String where = gameId == null ? "" : " for game " + gameId;
    if (e instanceof AwsServiceException) {
      AwsServiceException ase = (AwsServiceException) e;
      String code = errorCode(ase);
      int status = ase.statusCode();
      boolean retryable = ase.isThrottlingException() || status >= 500 || status == 0;
      return ClixServiceException.of(operation + where + " failed: " + code + " (HTTP " + status + ")",
          gameId, code, retryable, carriesToken ? null : ase);
    }
    if (e instanceof SdkClientException) {
      return ClixServiceException.of(operation + where + " failed: the service could not be reached ("
          + e.getClass().getSimpleName() + ")", gameId, null, true, carriesToken ? null : e);
    }
    if (e instanceof SdkException) {
      return ClixServiceException.of(operation + where + " failed (" + e.getClass().getSimpleName() + ")",
          gameId, null, ((SdkException) e).retryable(), carriesToken ? null : e);
    }
    if (e instanceof RuntimeException) {
      return (RuntimeException) e;
    }
    return ClixServiceException.of(operation + where + " failed (" + e.getClass().getSimpleName() + ")",
        gameId, null, false, carriesToken ? null : e);
  }
}
