package io.clix.aws.internal.calls;

import io.clix.core.ClixException;
import io.clix.core.ClixServiceException;
import io.clix.core.RetryableServiceException;
import io.clix.core.ServiceUnreachableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into the typed Clix errors, for {@link AwsCalls} only: a {@link
 * RetryableServiceException} for throttling and 5xx, a {@link ServiceUnreachableException} when the
 * service could not be reached (connection refused or reset, timeouts), a plain {@link
 * ClixServiceException} otherwise, each with the game id and the service's error code. The message
 * names the operation, the code and the HTTP status, never the service's own message, which for
 * task calls might echo a token; the SDK exception is kept as the cause only for calls that carry
 * no token. The rest of clix-aws tests errors with {@link #is} and {@link #unwrap}.
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

  /** The service's error code of a translated failure (after unwrapping), or {@code null}. */
  public static String errorCode(Throwable t) {
    Throwable e = unwrap(t);
    return e instanceof ClixServiceException ? ((ClixServiceException) e).errorCode() : null;
  }

  /** True if {@code t} is a translated service error with this code. */
  public static boolean is(Throwable t, String code) {
    return code.equals(errorCode(t));
  }

  /** The failure {@code t} carries, unwrapped, to throw again from a future's stage. */
  public static RuntimeException rethrow(Throwable t) {
    Throwable e = unwrap(t);
    return e instanceof RuntimeException ? (RuntimeException) e : new CompletionException(e);
  }

  /** The error code of an SDK exception, or {@code null}. */
  static String sdkErrorCode(Throwable e) {
    if (e instanceof AwsServiceException) {
      AwsServiceException ase = (AwsServiceException) e;
      return ase.awsErrorDetails() == null ? null : ase.awsErrorDetails().errorCode();
    }
    return null;
  }

  /**
   * The Clix error for a failed call; Clix errors pass through unchanged.
   *
   * @param operation the call, e.g. {@code "DynamoDB TransactWriteItems"}
   * @param carriesToken true if the request held a task token (the cause is then dropped)
   */
  static RuntimeException map(Throwable t, String operation, String gameId, boolean carriesToken) {
    Throwable e = unwrap(t);
    if (e instanceof ClixException) {
      return (ClixException) e;
    }
    String where = gameId == null ? "" : " for game " + gameId;
    Throwable cause = carriesToken ? null : e;
    if (e instanceof AwsServiceException) {
      AwsServiceException ase = (AwsServiceException) e;
      String code = sdkErrorCode(ase);
      int status = ase.statusCode();
      String message = operation + where + " failed: " + code + " (HTTP " + status + ")";
      return ase.isThrottlingException() || status >= 500 || status == 0
          ? new RetryableServiceException(message, gameId, code, cause)
          : new ClixServiceException(message, gameId, code, cause);
    }
    if (e instanceof SdkClientException) {
      return new ServiceUnreachableException(operation + where + " failed: the service could not be reached ("
          + e.getClass().getSimpleName() + ")", gameId, cause);
    }
    String message = operation + where + " failed (" + e.getClass().getSimpleName() + ")";
    if (e instanceof SdkException) {
      return ((SdkException) e).retryable() ? new RetryableServiceException(message, gameId, null, cause)
          : new ClixServiceException(message, gameId, null, cause);
    }
    if (e instanceof RuntimeException && !carriesToken) {
      return (RuntimeException) e;
    }
    // Anything else thrown on a call that held a task token (a user's interceptor or HTTP client may
    // quote the request): a Clix error that names the call and keeps neither the cause nor its message.
    return new ClixServiceException(message, gameId, null, cause);
  }
}
