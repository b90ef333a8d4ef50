package io.clix.local.internal.dynamodb.expr;

/**
 * Parses {@code UpdateExpression} texts into {@link UpdateExpression}s, refusing what DynamoDB refuses
 * before it reads the item (syntax, reserved words, undefined placeholders, repeated sections,
 * overlapping or conflicting paths, operand types) with its {@code ValidationException} wording.
 */
public final class UpdateParser {

  private UpdateParser() {
  }

  /**
   * Parses {@code expression}, resolving placeholders through {@code ctx} (which records their use).
   *
   * @throws io.clix.local.internal.http.ServiceError a {@code ValidationException} worded as DynamoDB words it
   */
  public static UpdateExpression parse(String expression, ExpressionContext ctx) {
    return new UpdateGrammar(expression, ctx).parse();
  }
}
