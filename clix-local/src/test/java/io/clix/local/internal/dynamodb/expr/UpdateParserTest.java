package io.clix.local.internal.dynamodb.expr;

import static io.clix.local.internal.dynamodb.expr.Json.assertValidation;
import static io.clix.local.internal.dynamodb.expr.Json.ctx;
import static io.clix.local.internal.dynamodb.expr.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpdateParserTest {

  private static final String NAMES = "{'#pr': 'ProductReviews', '#c': 'Color', '#three': '[3]'}";
  private static final String VALUES = "{':n1': {'N': '1'}, ':n5': {'N': '5.50'}, ':s': {'S': 'x'},"
      + " ':red': {'SS': ['Red']}, ':colors': {'SS': ['Red', 'Blue', 'Green']}, ':ns': {'NS': ['2', '3.0']},"
      + " ':list': {'L': [{'S': 'a'}]}, ':empty': {'L': []}, ':map': {'M': {'k': {'S': 'v'}}},"
      + " ':bs': {'BS': ['AQ==']}, ':null': {'NULL': true}, ':true': {'BOOL': true}, ':b': {'B': 'AQ=='}}";

  private static final ObjectNode ITEM = obj("{'Id': {'S': 'p1'}, 'Price': {'N': '10'}, 'Title': {'S': 'T'},"
      + " 'Color': {'SS': ['Red', 'Black']}, 'Nums': {'NS': ['1', '2']},"
      + " 'RelatedItems': {'L': [{'S': 'r0'}, {'S': 'r1'}, {'S': 'r2'}, {'S': 'r3'}]},"
      + " 'ProductReviews': {'M': {'FiveStar': {'L': [{'S': 'good'}]}, 'Votes': {'N': '2'}}}}");

  private static ObjectNode apply(String expression) {
    return UpdateParser.parse(expression, ctx(NAMES, VALUES)).apply(ITEM);
  }

  private static String get(ObjectNode item, String path) {
    var value = item.at(path);
    return value.isMissingNode() ? "<none>" : value.toString().replace('"', '\'');
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SET Price = :n5 | /Price | {'N':'5.5'}",
      "SET Price = Price + :n5 | /Price | {'N':'15.5'}",
      "SET Price = Price - :n5 | /Price | {'N':'4.5'}",
      "SET Price = :n1 - Price | /Price | {'N':'-9'}",
      "SET Price = (Price + :n1) | /Price | {'N':'11'}",
      "SET NewPrice = if_not_exists(NewPrice, :n1) | /NewPrice | {'N':'1'}",
      "SET Price = if_not_exists(Price, :n1) | /Price | {'N':'10'}",
      "SET Price = if_not_exists(Price, :n1) + :n1 | /Price | {'N':'11'}",
      "SET RelatedItems = list_append(RelatedItems, :list) | /RelatedItems/L/4 | {'S':'a'}",
      "SET RelatedItems = list_append(:list, RelatedItems) | /RelatedItems/L/0 | {'S':'a'}",
      "SET Fresh = list_append(if_not_exists(Fresh, :empty), :list) | /Fresh | {'L':[{'S':'a'}]}",
      "SET RelatedItems[1] = :s | /RelatedItems/L/1 | {'S':'x'}",
      "SET RelatedItems[10] = :s | /RelatedItems/L/4 | {'S':'x'}",
      "SET #pr.OneStar = :list | /ProductReviews/M/OneStar | {'L':[{'S':'a'}]}",
      "SET #pr.FiveStar[0] = :s | /ProductReviews/M/FiveStar/L/0 | {'S':'x'}",
      "SET #pr.#three = :s | /ProductReviews/M/[3] | {'S':'x'}",
      "SET Dup = Title | /Dup | {'S':'T'}",
      "SET Title = Price, Price = Title | /Title | {'N':'10'}",
      "SET Title = Price, Price = Title | /Price | {'S':'T'}",
      "SET m = :map | /m/M/k | {'S':'v'}",
      "REMOVE Title | /Title | <none>",
      "REMOVE Absent | /Title | {'S':'T'}",
      "REMOVE RelatedItems[1], RelatedItems[2] | /RelatedItems | {'L':[{'S':'r0'},{'S':'r3'}]}",
      "REMOVE RelatedItems[9] | /RelatedItems/L/3 | {'S':'r3'}",
      "REMOVE #pr.FiveStar | /ProductReviews | {'M':{'Votes':{'N':'2'}}}",
      "REMOVE #pr.Absent | /ProductReviews/M/Votes | {'N':'2'}",
      "ADD Price :n5 | /Price | {'N':'15.5'}",
      "ADD Tally :n1 | /Tally | {'N':'1'}",
      "ADD #pr.Votes :n1 | /ProductReviews/M/Votes | {'N':'3'}",
      "ADD #c :colors | /Color/SS | ['Red','Black','Blue','Green']",
      "ADD NewSet :red | /NewSet | {'SS':['Red']}",
      "ADD Nums :ns | /Nums/NS | ['1','2','3']",
      "DELETE #c :red | /Color | {'SS':['Black']}",
      "DELETE #c :colors | /Color | {'SS':['Black']}",
      "DELETE Nums :ns | /Nums | {'NS':['1']}",
      "DELETE AbsentSet :red | /AbsentSet | <none>",
      "DELETE #c :red ADD Price :n1 | /Price | {'N':'11'}",
      "set Price = :n1 remove Title | /Price | {'N':'1'}",
      "REMOVE Title SET Price = :n1 ADD Tally :n1 DELETE #c :red | /Tally | {'N':'1'}",
  })
  void appliesAsDocumented(String expression, String pointer, String expected) {
    assertThat(get(apply(expression), pointer)).isEqualTo(expected);
  }

  @Test
  void removingTheLastMembersRemovesTheSet() {
    ObjectNode updated = apply("DELETE #c :colors, Nums :ns");
    assertThat(get(updated, "/Color/SS")).isEqualTo("['Black']");
    ObjectNode emptied = UpdateParser.parse("DELETE Color :c", ctx(null, "{':c': {'SS': ['Black', 'Red']}}")).apply(ITEM);
    assertThat(emptied.has("Color")).isFalse();
  }

  @Test
  void leavesTheOriginalItemUntouchedAndReportsWhatItTouched() {
    ObjectNode before = ITEM.deepCopy();
    UpdateExpression update = UpdateParser.parse("SET #pr.Votes = :n1, Price = :n5 REMOVE Title", ctx(NAMES, VALUES));
    ObjectNode after = update.apply(ITEM);
    assertThat(ITEM).isEqualTo(before);
    assertThat(update.updatedAttributes()).containsExactly("ProductReviews", "Price", "Title");
    assertThat(update.updatedValues(ITEM)).isEqualTo(obj(
        "{'ProductReviews': {'M': {'Votes': {'N': '2'}}}, 'Price': {'N': '10'}, 'Title': {'S': 'T'}}"));
    assertThat(update.updatedValues(after)).isEqualTo(obj(
        "{'ProductReviews': {'M': {'Votes': {'N': '1'}}}, 'Price': {'N': '5.5'}}"));
  }

  @Test
  void createsFromAnEmptyItem() {
    ObjectNode created = UpdateParser.parse("SET a = :s ADD n :n1, s :red", ctx(null,
        "{':s': {'S': 'x'}, ':n1': {'N': '1'}, ':red': {'SS': ['Red']}}")).apply(obj("{'Id': {'S': 'k'}}"));
    assertThat(created).isEqualTo(obj("{'Id': {'S': 'k'}, 'a': {'S': 'x'}, 'n': {'N': '1'}, 's': {'SS': ['Red']}}"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "SET Title = Title + :n1 | An operand in the update expression has an incorrect data type",
      "SET Price = list_append(Price, :list) | An operand in the update expression has an incorrect data type",
      "ADD Title :n1 | An operand in the update expression has an incorrect data type",
      "ADD #c :ns | An operand in the update expression has an incorrect data type",
      "DELETE Price :ns | An operand in the update expression has an incorrect data type",
      "DELETE #c :ns | An operand in the update expression has an incorrect data type",
      "SET Price = Absent | The provided expression refers to an attribute that does not exist in the item",
      "SET Price = Absent + :n1 | The provided expression refers to an attribute that does not exist in the item",
      "SET Absent.x = :s | The document path provided in the update expression is invalid for update",
      "SET Title.x = :s | The document path provided in the update expression is invalid for update",
      "SET Title[0] = :s | The document path provided in the update expression is invalid for update",
      "SET #pr[0] = :s | The document path provided in the update expression is invalid for update",
      "REMOVE Absent.x | The document path provided in the update expression is invalid for update",
      "REMOVE Title[1] | The document path provided in the update expression is invalid for update",
      "ADD Absent.x :n1 | The document path provided in the update expression is invalid for update",
      "DELETE Absent.x :red | The document path provided in the update expression is invalid for update",
  })
  void refusesUpdatesTheItemMakesInvalid(String expression, String message) {
    assertValidation(() -> apply(expression), message);
  }

  @ParameterizedTest(name = "{index}: {0}")
  @CsvSource(delimiter = '|', value = {
      "SET | Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"",
      "SET a | Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"a\"",
      "SET a = :n1 + | Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"+\"",
      "SET a = b / :n1 | Invalid UpdateExpression: Syntax error; token: \"/\", near: \"b / :n1\"",
      "SET a = b + c + d | Invalid UpdateExpression: Syntax error; token: \"+\", near: \"c + d\"",
      "whatever | Invalid UpdateExpression: Syntax error; token: \"whatever\", near: \"whatever\"",
      "REMOVE a = b | Invalid UpdateExpression: Syntax error; token: \"=\", near: \"a = b\"",
      "ADD a b | Invalid UpdateExpression: Syntax error; token: \"b\", near: \"a b\"",
      "SET :s = a | Invalid UpdateExpression: Syntax error; token: \":s\", near: \"SET :s =\"",
      "SET a = :s,  | Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \",\"",
      "SET a[x] = :s | Invalid UpdateExpression: Syntax error; token: \"x\", near: \"[x]\"",
      "SET a = :s SET b = :s | Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
      "ADD x :n1 SET a = :s ADD y :n1 | Invalid UpdateExpression: The \"ADD\" section can only be used once in an update expression;",
      "REMOVE a REMOVE b | Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;",
      "SET size = :s | Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: size",
      "REMOVE Absolute | Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: Absolute",
      "SET a = if_not_exist(a, :s) | Invalid UpdateExpression: Invalid function name; function: if_not_exist",
      "SET a = attribute_exists(a) | Invalid UpdateExpression: Invalid function name; function: attribute_exists",
      "SET #nope = :s | Invalid UpdateExpression: An expression attribute name used in the document path is not defined; attribute name: #nope",
      "SET a = :nope | Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
      "SET a = :s, a = :n1 | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]",
      "SET a.b = :s REMOVE a | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]",
      "SET #c[3].#three = :s, #c[3] = :s | Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [Color, [3], [3]], path two: [Color, [3]]",
      "REMOVE a.b SET a[1] = :s | Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]",
      "ADD a :s | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
      "ADD a :list | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: LIST",
      "ADD a :map | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: MAP",
      "ADD a :null | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: NULL",
      "ADD a :true | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: BOOLEAN",
      "DELETE a :b | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: BINARY",
      "DELETE a :n1 | Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER",
      "SET a = if_not_exists(:s, a) | Invalid UpdateExpression: Operator or function requires a document path; operator or function: if_not_exists",
      "SET a = if_not_exists(a) | Invalid UpdateExpression: Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1",
      "SET a = list_append(:s, a) | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: list_append, operand type: S",
      "SET a = a + :s | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: +, operand type: S",
      "SET a = :red - a | Invalid UpdateExpression: Incorrect operand type for operator or function; operator or function: -, operand type: SS",
      "'' | Invalid UpdateExpression: The expression can not be empty;",
  })
  void refusesAsDynamoDbDoes(String expression, String message) {
    assertValidation(() -> UpdateParser.parse(expression, ctx(NAMES, VALUES)), message);
  }
}
