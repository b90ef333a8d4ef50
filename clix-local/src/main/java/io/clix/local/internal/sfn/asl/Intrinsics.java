package io.clix.local.internal.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.clix.local.internal.sfn.asl.IntrinsicParser.Call;
import io.clix.local.internal.sfn.asl.IntrinsicParser.Expr;
import io.clix.local.internal.sfn.asl.IntrinsicParser.Literal;
import io.clix.local.internal.sfn.asl.IntrinsicParser.PathArg;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the Amazon States Language intrinsic functions (States.Format, StringToJson,
 * JsonToString, Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength,
 * ArrayUnique, Base64Encode, Base64Decode, Hash, JsonMerge, MathRandom, MathAdd, StringSplit and
 * UUID), nested calls included. As on AWS, a function that rejects its arguments fails with {@code
 * States.Runtime} and the cause {@code Invalid arguments in States.X}, and a path argument that
 * selects nothing fails with {@code States.Runtime}; an expression that does not even parse (which
 * definition validation rejects first) fails with {@code States.IntrinsicFailure}.
 */
public final class Intrinsics {

  private Intrinsics() {}

  /** Evaluates {@code expression} (one function call) against the input and the context object. */
  public static JsonNode evaluate(String expression, JsonNode input, JsonNode context) {
    return evaluate(expression, input, context, null);
  }

  /**
   * Evaluates {@code expression}; a missing path argument is reported against {@code fieldName}
   * (e.g. {@code "value.$"}) when given.
   */
  public static JsonNode evaluate(String expression, JsonNode input, JsonNode context, String fieldName) {
    Call call;
    try {
      call = IntrinsicParser.parse(expression);
    } catch (IntrinsicParser.SyntaxError e) {
      throw StatesError.intrinsic("Invalid intrinsic function call: " + e.getMessage());
    }
    return new Evaluation(input, context, fieldName).call(call);
  }

  /** Whether {@code expression} is a well-formed call of known intrinsics (argument counts are checked at run time). */
  public static boolean isValid(String expression) {
    return syntaxError(expression) == null;
  }

  /** Why {@code expression} is not a well-formed intrinsic call, or {@code null} if it is. */
  public static String syntaxError(String expression) {
    try {
      IntrinsicParser.parse(expression);
      return null;
    } catch (IntrinsicParser.SyntaxError e) {
      return e.getMessage();
    }
  }

  /** Whether the text is meant as an intrinsic call (starts with {@code States.} and a parenthesis). */
  public static boolean looksLikeCall(String text) {
    return IntrinsicParser.looksLikeCall(text);
  }

  private record Evaluation(JsonNode input, JsonNode context, String fieldName) {

    JsonNode call(Call call) {
      int[] arity = IntrinsicParser.ARITY.get(call.name());
      int count = call.args().size();
      if (count < arity[0] || (arity[1] >= 0 && count > arity[1])) {
        throw StatesError.runtime("Invalid arguments in " + call.name());
      }
      List<JsonNode> args = new ArrayList<>(count);
      for (Expr arg : call.args()) {
        args.add(value(arg));
      }
      IntrinsicFunctions functions = new IntrinsicFunctions(call.name(), args);
      switch (call.name()) {
        case "States.Format":
          Expr template = call.args().get(0);
          String raw = template instanceof Literal literal && literal.value().isTextual() ? literal.raw() : null;
          return functions.format(raw);
        case "States.StringToJson":
          return functions.stringToJson();
        case "States.JsonToString":
          return functions.jsonToString();
        case "States.Array":
          return functions.array();
        case "States.ArrayPartition":
          return functions.arrayPartition();
        case "States.ArrayContains":
          return functions.arrayContains();
        case "States.ArrayRange":
          return functions.arrayRange();
        case "States.ArrayGetItem":
          return functions.arrayGetItem();
        case "States.ArrayLength":
          return functions.arrayLength();
        case "States.ArrayUnique":
          return functions.arrayUnique();
        case "States.Base64Encode":
          return functions.base64Encode();
        case "States.Base64Decode":
          return functions.base64Decode();
        case "States.Hash":
          return functions.hash();
        case "States.JsonMerge":
          return functions.jsonMerge();
        case "States.MathRandom":
          return functions.mathRandom();
        case "States.MathAdd":
          return functions.mathAdd();
        case "States.StringSplit":
          return functions.stringSplit();
        case "States.UUID":
          return functions.uuid();
        default:
          throw StatesError.intrinsic("Unknown intrinsic function " + call.name());
      }
    }

    private JsonNode value(Expr arg) {
      if (arg instanceof Literal literal) {
        return literal.value();
      }
      if (arg instanceof PathArg path) {
        return fieldName == null
            ? JsonPaths.read(input, path.path(), context)
            : JsonPaths.read(input, path.path(), context, fieldName);
      }
      return call((Call) arg);
    }
  }
}
