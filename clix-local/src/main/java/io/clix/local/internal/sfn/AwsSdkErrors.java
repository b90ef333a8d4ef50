package io.clix.local.internal.sfn;

/**
 * The error names of the AWS SDK integrations ({@code arn:aws:states:::aws-sdk:<service>:<action>}),
 * as the Step Functions developer guide gives them: {@code <ServiceName>.<ErrorName>}, both in
 * PascalCase, the error name always ending in {@code Exception} even where the service's own error
 * code has no such suffix (S3's {@code BucketAlreadyExists} is {@code S3.BucketAlreadyExistsException}).
 */
final class AwsSdkErrors {

  private AwsSdkErrors() {}

  /** The name a state sees for {@code code} (a JSON API error code, with or without its shape namespace). */
  static String name(String service, String code) {
    String error = code.substring(code.lastIndexOf('#') + 1);
    return service + "." + (error.endsWith("Exception") ? error : error + "Exception");
  }
}
