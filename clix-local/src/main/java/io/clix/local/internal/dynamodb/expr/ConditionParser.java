package io.clix.local.internal.dynamodb.expr;

/**
 * Parses {@code ConditionExpression} and {@code FilterExpression} texts into {@link Condition}s,
 * refusing what DynamoDB refuses with its {@code ValidationException} wording
 * ({@code "Invalid ConditionExpression: Syntax error; token: ..."}, reserved words, undefined
 * placeholders, misused functions, wrong operand types).
 */
public final class ConditionParser {

  private ConditionParser() {
  }

  /**
   * Parses {@code expression}, resolving placeholders through {@code ctx} (which records their use).
   *
   * @param expressionKind the request field, for messages: {@code "ConditionExpression"}, {@code "FilterExpression"}, ...
   * @throws io.clix.local.internal.http.ServiceError a {@code ValidationException} worded as DynamoDB words it
   */
  public static Condition parse(String expression, ExpressionContext ctx, String expressionKind) {
    return new ConditionGrammar(expression, expressionKind, ctx).parse();
  }
}
