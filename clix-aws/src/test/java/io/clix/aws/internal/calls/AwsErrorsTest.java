package io.clix.aws.internal.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.clix.core.ClixServiceException;
import io.clix.core.RetryableServiceException;
import io.clix.core.ServiceUnreachableException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

  private static AwsServiceException service(int status, String code) {
    return AwsServiceException.builder().statusCode(status)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build()).build();
  }

  @Test
  void aClientErrorIsAPlainServiceExceptionThatIsNotRetryable() {
    RuntimeException e = AwsErrors.map(new CompletionException(service(400, "ValidationException")),
        "DynamoDB GetItem", "g-1", false);
    assertThat(e).isExactlyInstanceOf(ClixServiceException.class);
    assertThat(((ClixServiceException) e).isRetryable()).isFalse();
    assertThat(((ClixServiceException) e).errorCode()).isEqualTo("ValidationException");
    assertThat(e.getMessage()).contains("g-1").contains("ValidationException");
  }

  @Test
  void aServerErrorIsRetryableByItsType() {
    RuntimeException e = AwsErrors.map(service(503, "ServiceUnavailable"), "DynamoDB GetItem", "g-1", false);
    assertThat(e).isExactlyInstanceOf(RetryableServiceException.class);
    assertThat(((ClixServiceException) e).isRetryable()).isTrue();
  }

  @Test
  void aNetworkFailureIsToldApartFromServiceErrorsByItsType() {
    SdkClientException refused = SdkClientException.create("connect", new ConnectException("refused"));
    RuntimeException e = AwsErrors.map(refused, "Step Functions SendTaskSuccess", "g-1", true);
    assertThat(e).isInstanceOf(ServiceUnreachableException.class);
    assertThat(((ClixServiceException) e).isRetryable()).isTrue();
    assertThat(((ClixServiceException) e).errorCode()).isNull();
    assertThat(e.getCause()).as("a call carrying a task token keeps no SDK cause").isNull();
  }

  @Test
  void anyExceptionOnACallThatHeldATokenLeavesNeitherItsMessageNorItsCause() {
    String token = "AAAAKgAAAAIAAAAAAAAAAS-secret-token";
    RuntimeException fromInterceptor = new IllegalStateException("interceptor saw taskToken=" + token);
    RuntimeException e = AwsErrors.map(fromInterceptor, "Step Functions SendTaskSuccess", "g-1", true);
    assertThat(e).isInstanceOf(ClixServiceException.class);
    assertThat(e.getMessage()).doesNotContain(token).contains("SendTaskSuccess").contains("g-1");
    assertThat(e.getCause()).isNull();
    assertThat(e.toString()).doesNotContain(token);
  }
}
