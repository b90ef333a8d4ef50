package io.clix.testkit.dynamodb.oracle;

/**
 * Where dynalite is known to answer otherwise than DynamoDB, so it is not the oracle there. Each
 * constant is the reason a case gives for comparing less than everything; what DynamoDB documents
 * in those places is asserted against the embedded endpoint in {@link DocumentedBehaviourTest}.
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

  private DynaliteDeviations() {}
}
