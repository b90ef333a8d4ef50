package io.clix.local.internal.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code ProjectionExpression} texts (document paths separated by commas) into
 * {@link Projection}s, refusing overlapping or conflicting paths with DynamoDB's messages.
 */
public final class ProjectionParser {

  private ProjectionParser() {
  }

  /**
   * Parses {@code expression}, resolving {@code #name} placeholders through {@code ctx}.
   *
   * @throws io.clix.local.internal.http.ServiceError a {@code ValidationException} worded as DynamoDB words it
   */
  public static Projection parse(String expression, ExpressionContext ctx) {
    ExpressionParser parser = new ExpressionParser(expression, "ProjectionExpression", ctx, Set.of(), Map.of());
    List<DocumentPath> paths = parser.parseWhole(() -> {
      List<DocumentPath> list = new ArrayList<>();
      list.add(parser.path());
      while (parser.at(Token.Kind.COMMA)) {
        parser.advance();
        list.add(parser.path());
      }
      PathTree.checkOverlaps(list, parser.problems);
      return list;
    }, Problems.CONDITION_ORDER);
    return new Projection(paths);
  }
}
