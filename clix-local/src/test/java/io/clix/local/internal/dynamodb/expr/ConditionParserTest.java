package io.clix.local.internal.dynamodb.expr;

import static io.clix.local.internal.dynamodb.expr.Json.assertValidation;
import static io.clix.local.internal.dynamodb.expr.Json.ctx;
import static io.clix.local.internal.dynamodb.expr.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParserTest {

  /** An item with one attribute of every type, written for the examples of the developer guide. */
  private static final ObjectNode ITEM = obj("{'Id': {'N': '456'}, 'ProductCategory': {'S': 'Sporting Goods'},"
      + " 'Price': {'N': '650.00'}, 'Title': {'S': 'Bicycle 123'}, 'InStock': {'BOOL': true}, 'Gone': {'NULL': true},"
      + " 'Color': {'SS': ['Red', 'Black']}, 'Sizes': {'NS': ['1', '2.5']}, 'Pics': {'BS': ['AQI=', 'Aw==']},"
      + " 'Bytes': {'B': 'AQIDBA=='},"
      + " 'RelatedItems': {'L': [{'N': '341'}, {'N': '472'}, {'S': 'x'}]},"
      + " 'ProductReviews': {'M': {'FiveStar': {'L': [{'S': 'Excellent!'}]}, 'OneStar': {'L': []}}},"
      + " 'Rating': {'N': '-2.50'}}");

  private static final String VALUES = "{':n650': {'N': '650'}, ':n600': {'N': '600.0'}, ':n700': {'N': '7E2'},"
      + " ':s': {'S': 'Sporting Goods'}, ':bi': {'S': 'Bi'}, ':red': {'S': 'Red'}, ':n1': {'N': '1.0'},"
      + " ':tS': {'S': 'S'}, ':tN': {'S': 'N'}, ':tSS': {'S': 'SS'}, ':tL': {'S': 'L'}, ':tM': {'S': 'M'},"
      + " ':tNULL': {'S': 'NULL'}, ':tBOOL': {'S': 'BOOL'}, ':tBS': {'S': 'BS'}, ':tB': {'S': 'B'}, ':tNS': {'S': 'NS'},"
      + " ':true': {'BOOL': true}, ':three': {'N': '3'}, ':b01': {'B': 'AQI='}, ':b03': {'B': 'Aw=='},"
      + " ':l341': {'N': '341'}, ':ex': {'S': 'Excellent!'}, ':neg': {'N': '-3'}, ':zero': {'N': '0'},"
      + " ':sub': {'S': 'cycle'}, ':b0203': {'B': 'AgM='}}";

  private static boolean eval(String expression) {
    ExpressionContext ctx = ctx("{'#pr': 'ProductReviews', '#five': 'FiveStar', '#dot': 'a.b'}", VALUES);
    return ConditionParser.parse(expression, ctx, "ConditionExpression").test(ITEM);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Price = :n650 | true",
      "Price <> :n650 | false",
      "Price = :s | false",
      "Price <> :s | true",
      "Absent <> :s | true",
      "Absent = :s | false",
      "Price >= :n600 AND Price <= :n700 | true",
      "Price < :n600 | false",
      "Price > :n600 | true",
      "Price BETWEEN :n600 AND :n700 | true",
      "Price BETWEEN :n650 AND :n650 | true",
      "Rating BETWEEN :neg AND :zero | true",
      "Title BETWEEN :n600 AND :n700 | false",
      "ProductCategory IN (:red, :s) | true",
      "ProductCategory IN (:red, :bi) | false",
      "Price IN (:s, :n650) | true",
      "ProductCategory > :bi | true",
      "Title < :s | true",
      "Bytes > :b01 | true",
      "attribute_exists(Price) | true",
      "attribute_exists(Absent) | false",
      "attribute_not_exists(Absent) | true",
      "attribute_exists(#pr.#five[0]) | true",
      "attribute_exists(#pr.#five[1]) | false",
      "attribute_exists(#pr.OneStar) | true",
      "attribute_exists(#dot) | false",
      "attribute_exists(RelatedItems.x) | false",
      "attribute_type(Price, :tN) | true",
      "attribute_type(Price, :tS) | false",
      "attribute_type(Color, :tSS) | true",
      "attribute_type(RelatedItems, :tL) | true",
      "attribute_type(#pr, :tM) | true",
      "attribute_type(Gone, :tNULL) | true",
      "attribute_type(InStock, :tBOOL) | true",
      "attribute_type(Pics, :tBS) | true",
      "attribute_type(Sizes, :tNS) | true",
      "attribute_type(Bytes, :tB) | true",
      "attribute_type(Absent, :tS) | false",
      "begins_with(Title, :bi) | true",
      "begins_with(ProductCategory, :bi) | false",
      "begins_with(Bytes, :b01) | true",
      "begins_with(Price, :bi) | false",
      "contains(Title, :sub) | true",
      "contains(Color, :red) | true",
      "contains(Color, :bi) | false",
      "contains(Sizes, :n1) | true",
      "contains(Pics, :b03) | true",
      "contains(RelatedItems, :l341) | true",
      "contains(#pr.#five, :ex) | true",
      "contains(Bytes, :b0203) | true",
      "contains(Price, :n650) | false",
      "size(Title) = :n650 | false",
      "size(RelatedItems) = :three | true",
      "size(Color) < :three | true",
      "size(#pr) > :n1 | true",
      "size(Bytes) > :three | true",
      "size(Price) = :three | false",
      "size(Absent) <> :three | true",
      "NOT attribute_exists(Absent) | true",
      "NOT NOT attribute_exists(Absent) | false",
      "attribute_exists(Absent) OR Price = :n650 | true",
      "attribute_exists(Absent) AND Price = :n650 | false",
      "Price = :n650 OR attribute_exists(Absent) AND attribute_exists(Absent) | true",
      "(Price = :n650 OR attribute_exists(Absent)) AND attribute_exists(Absent) | false",
      "NOT Price = :s AND Price = :n650 | true",
      "NOT (Price = :n650 AND Price = :s) | true",
      "NOT Price = :n650 OR Price = :n650 | true",
      "(Price) = :n650 | true",
      "price = :n650 | false",
      "InStock = :true | true",
      "RelatedItems[1] = :n1 | false",
      "RelatedItems[0] = :l341 | true",
      "RelatedItems[7] = :l341 | false",
      "Price = :n650 and Price = :n650 | true",
      "Price between :n600 and :n700 | true",
      "ProductCategory in (:s) | true",
  })
  void evaluatesAsDocumented(String expression, boolean expected) {
    assertThat(eval(expression)).isEqualTo(expected);
  }

  @Test
  void missingItemIsEmpty() {
    Condition c = ConditionParser.parse("attribute_not_exists(id)", ExpressionContext.empty(), "ConditionExpression");
    assertThat(c.test(obj("{}"))).isTrue();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', value = {
      "'Price = ' | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"",
      "Price == :n650 | Invalid ConditionExpression: Syntax error; token: \"=\", near: \"== :n650\"",
      "Price / :n650 | Invalid ConditionExpression: Syntax error; token: \"/\", near: \"Price / :n650\"",
      "Price = :n650 AND | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"AND\"",
      "Price :n650 | Invalid ConditionExpression: Syntax error; token: \":n650\", near: \"Price :n650\"",
      "Price | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"Price\"",
      "(Price = :n650 | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":n650\"",
      "Price = :n650) | Invalid ConditionExpression: Syntax error; token: \")\", near: \":n650)\"",
      "Price BETWEEN :n600 | Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":n600\"",
      "Price IN () | Invalid ConditionExpression: Syntax error; token: \")\", near: \"()\"",
      "AND = :n650 | Invalid ConditionExpression: Syntax error; token: \"AND\", near: \"AND =\"",
      "status = :s | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
      "Price.Size = :s | Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Size",
      "#nope = :s | Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #nope",
      "Price = :nope | Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
      "attribute_exist(Price) | Invalid ConditionExpression: Invalid function name; function: attribute_exist",
      "attribute_exists(Price, Title) | Invalid ConditionExpression: Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
      "attribute_exists(:s) | Invalid ConditionExpression: Operator or function requires a document path; operator or function: attribute_exists",
      "begins_with(Title, :n650) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
      "attribute_type(Title, :n650) | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
      "attribute_type(Title, :s) | Invalid ConditionExpression: Invalid attribute type name found; type: Sporting Goods, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
      "size(:n650) > :n1 | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: size, operand type: N",
      "size(Title) | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: size",
      "attribute_exists(Title) = :true | Invalid ConditionExpression: The function is not allowed to be used this way in an expression; function: attribute_exists",
      "Title = Title | Invalid ConditionExpression: The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [Title]",
      "((Price = :n650)) | Invalid ConditionExpression: The expression has redundant parentheses;",
      "((Price)) = :n650 | Invalid ConditionExpression: The expression has redundant parentheses;",
      "Price BETWEEN :n700 AND :n600 | Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:700}, upper bound operand: AttributeValue: {N:600}",
      "Price BETWEEN :s AND :n600 | Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {S:Sporting Goods}, upper bound operand: AttributeValue: {N:600}",
      "'' | Invalid ConditionExpression: The expression can not be empty;",
      "Price < :true | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: <, operand type: BOOL",
      "Price BETWEEN :n600 AND :true | Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL",
      "size = :s AND unknownfn(x) | Invalid ConditionExpression: Invalid function name; function: unknownfn",
  })
  void refusesAsDynamoDbDoes(String expression, String message) {
    assertValidation(() -> eval(expression), message);
  }

  @Test
  void expressionsAreLimitedToFourKilobytes() {
    String fits = "a = b" + " ".repeat(4096 - 5);
    assertThat(ConditionParser.parse(fits, ExpressionContext.empty(), "FilterExpression").test(obj("{}"))).isFalse();
    assertValidation(() -> ConditionParser.parse(fits + " ", ExpressionContext.empty(), "FilterExpression"),
        "Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4097");
  }

  @Test
  void inAcceptsAHundredOperandsAndNoMore() {
    StringBuilder values = new StringBuilder("{");
    StringBuilder list = new StringBuilder();
    for (int i = 0; i <= 100; i++) {
      values.append(i == 0 ? "" : ",").append("':v").append(i).append("': {'N': '").append(i).append("'}");
      list.append(i == 0 ? "" : ", ").append(":v").append(i);
    }
    values.append('}');
    ExpressionContext ctx = ctx(null, values.toString());
    assertValidation(() -> ConditionParser.parse("a IN (" + list + ", :v0)", ctx, "FilterExpression"),
        "Invalid FilterExpression: The IN operator is provided with too many operands; number of operands: 102");
    Condition ok = ConditionParser.parse("a IN (" + list.substring(0, list.lastIndexOf(",")) + ")", ctx, "FilterExpression");
    assertThat(ok.test(obj("{'a': {'N': '99'}}"))).isTrue();
  }
}
