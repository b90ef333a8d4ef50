package io.clix.local.dynamodb.oracle;

import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * A hand-written differential case: a name and the steps sent, in order, to both endpoints, each
 * case starting from the {@link Fixture} tables and items. Every step's normalized answer is
 * compared, so the setup writes of a case are checked too. A case built with
 * {@link #errorTypeOnly(String)} compares error types and statuses but not the messages, for
 * errors dynalite words otherwise than DynamoDB (the reason is given, and the DynamoDB wording is
 * asserted against the embedded endpoint in {@link DocumentedBehaviourTest}).
 */
record OracleCase(String name, List<Step> steps, String messagesDifferBecause, String embeddedDiffers) {

  /**
   * A case from requests, request builders (built here) and {@link Step}s, in the order they are
   * sent.
   */
  static OracleCase of(String name, Object... steps) {
    return new OracleCase(name, Stream.of(steps).map(OracleCase::step).toList(), null, null);
  }

  private static Step step(Object step) {
    if (step instanceof Step s) {
      return s;
    } else if (step instanceof DynamoDbRequest request) {
      return Step.call(request);
    } else if (step instanceof DynamoDbRequest.Builder builder) {
      return Step.call(builder.build());
    }
    throw new IllegalArgumentException("not a request, request builder or step: " + step);
  }

  /** The same case comparing error messages no more, because dynalite words them differently: {@code reason}. */
  OracleCase errorTypeOnly(String reason) {
    return new OracleCase(name, steps, reason, embeddedDiffers);
  }

  /**
   * The same case, known to fail because the embedded endpoint answers otherwise
   * ({@code difference}): while it still differs it is reported as skipped with that reason
   * instead of failing; once the endpoint is fixed it passes again and this mark can go.
   */
  OracleCase embeddedDiffers(String difference) {
    return new OracleCase(name, steps, messagesDifferBecause, difference);
  }

  @Override
  public String toString() {
    return name;
  }
}
