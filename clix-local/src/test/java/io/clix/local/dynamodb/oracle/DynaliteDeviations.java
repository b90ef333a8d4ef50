package io.clix.local.dynamodb.oracle;

/**
 * Where dynalite is known to answer otherwise than DynamoDB, so it is not the oracle there. Each
 * constant is the reason a case gives for comparing less than everything; what DynamoDB documents
 * in those places is asserted against the embedded endpoint in {@link DocumentedBehaviourTest}.
 *
 * <p>Left out of the differential tables altogether, for the same reason, and tested in
 * {@link DocumentedBehaviourTest} instead: dynalite has no transactions, no UpdateTimeToLive (its
 * DescribeTimeToLive always says DISABLED) and no item in ConditionalCheckFailedException for
 * ReturnValuesOnConditionCheckFailure; it compares L and M values by reference, so
 * {@code history[2] = :list} never holds; its attribute_type is false for a BOOL false; it accepts
 * DeleteItem with ReturnValues ALL_NEW, Segment without TotalSegments, a consistent Scan of a
 * global index, Select with a ProjectionExpression and ALL_PROJECTED_ATTRIBUTES without an index;
 * it does not fetch unprojected attributes of a local index from the table; and it stores the
 * result of arithmetic past the largest number. What
 * {@link Normalizer} evens out instead (empty Attributes, fields newer than dynalite) is said there.
 */
final class DynaliteDeviations {

  /**
   * dynalite parses expressions with a PEG.js grammar and words syntax errors as PEG.js does
   * ({@code Syntax error; Expected "#", "(", ... but end of input found.}); DynamoDB names the
   * offending token and its neighbourhood ({@code Syntax error; token: "<EOF>", near: "= "}).
   */
  static final String SYNTAX_ERRORS =
      "dynalite words syntax errors as its PEG.js parser does; DynamoDB says 'Syntax error; token: ..., near: ...'";

  /** dynalite's CreateTable answers ResourceInUseException without a message; DynamoDB names the table. */
  static final String NO_MESSAGE_FOR_EXISTING_TABLE =
      "dynalite answers ResourceInUseException with an empty message; DynamoDB says the table already exists";

  /**
   * A list or map over its length limit is quoted in the message; dynalite quotes it as JSON, the
   * embedded endpoint as DynamoDB's Java model prints it (or not at all), and no answer of DynamoDB
   * to these exact requests is recorded here, so only the error type and status are compared.
   */
  static final String QUOTED_VALUES =
      "dynalite quotes an over-long list or map as JSON in the constraint message; the embedded endpoint quotes it otherwise";

  private DynaliteDeviations() {}
}
