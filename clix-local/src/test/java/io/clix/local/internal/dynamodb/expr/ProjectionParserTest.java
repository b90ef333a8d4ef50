package io.clix.local.internal.dynamodb.expr;

import static io.clix.local.internal.dynamodb.expr.Json.assertValidation;
import static io.clix.local.internal.dynamodb.expr.Json.ctx;
import static io.clix.local.internal.dynamodb.expr.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProjectionParserTest {

  private static final ObjectNode ITEM = obj("{'Id': {'N': '1'}, 'Title': {'S': 'Book'},"
      + " 'RelatedItems': {'L': [{'S': 'r0'}, {'M': {'x': {'N': '1'}, 'y': {'N': '2'}}}, {'S': 'r2'}]},"
      + " 'ProductReviews': {'M': {'FiveStar': {'L': [{'S': 'good'}, {'S': 'great'}]}, 'OneStar': {'L': []}}}}");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Title | {'Title': {'S': 'Book'}}",
      "Title, Id | {'Title': {'S': 'Book'}, 'Id': {'N': '1'}}",
      "Absent | {}",
      "Title, Absent | {'Title': {'S': 'Book'}}",
      "RelatedItems[0] | {'RelatedItems': {'L': [{'S': 'r0'}]}}",
      "RelatedItems[2], RelatedItems[0] | {'RelatedItems': {'L': [{'S': 'r0'}, {'S': 'r2'}]}}",
      "RelatedItems[7] | {}",
      "RelatedItems[1].y | {'RelatedItems': {'L': [{'M': {'y': {'N': '2'}}}]}}",
      "#pr.FiveStar[1] | {'ProductReviews': {'M': {'FiveStar': {'L': [{'S': 'great'}]}}}}",
      "#pr.OneStar, Id | {'ProductReviews': {'M': {'OneStar': {'L': []}}}, 'Id': {'N': '1'}}",
      "#pr.Absent | {}",
      "Title.x | {}",
  })
  void projectsAsDocumented(String expression, String expected) {
    Projection p = ProjectionParser.parse(expression, ctx("{'#pr': 'ProductReviews'}", null));
    assertThat(p.project(ITEM)).isEqualTo(obj(expected));
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', value = {
      "a b | Invalid ProjectionExpression: Syntax error; token: \"b\", near: \"a b\"",
      "'a,' | Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
      "a[-1] | Invalid ProjectionExpression: Syntax error; token: \"-\", near: \"[-1\"",
      "'' | Invalid ProjectionExpression: The expression can not be empty;",
      "name | Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
      "#x | Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #x",
      "a, a.b | Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
      "a.b, a[0] | Invalid ProjectionExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [0]]",
  })
  void refusesAsDynamoDbDoes(String expression, String message) {
    assertValidation(() -> ProjectionParser.parse(expression, ExpressionContext.empty()), message);
  }
}
