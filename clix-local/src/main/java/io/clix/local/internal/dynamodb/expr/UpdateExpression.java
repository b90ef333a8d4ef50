package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed {@code UpdateExpression} ({@link UpdateParser}). {@link #apply} computes the new item the
 * way DynamoDB does: every SET value is computed from the item as it was, then SET, REMOVE, ADD and
 * DELETE are applied; errors that depend on the item ({@code "An operand in the update expression has
 * an incorrect data type"}, ...) are thrown then.
 */
public final class UpdateExpression {

  /** One action of a section: {@code value} for SET, {@code operand} for ADD and DELETE. */
  record Action(String section, DocumentPath path, Operand value, ObjectNode operand) {
  }

  private static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
  private static final String WRONG_TYPE = "An operand in the update expression has an incorrect data type";
  private static final String NO_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item";

  private final List<Action> actions;

  UpdateExpression(List<Action> actions) {
    this.actions = List.copyOf(actions);
  }

  /** The paths the expression writes or removes, in the order written. */
  public List<DocumentPath> updatedPaths() {
    List<DocumentPath> paths = new ArrayList<>();
    for (Action a : actions) {
      paths.add(a.path());
    }
    return paths;
  }

  /** The top-level attribute names the expression touches (to refuse key updates, and for UPDATED_OLD/NEW). */
  public Set<String> updatedAttributes() {
    Set<String> names = new LinkedHashSet<>();
    for (Action a : actions) {
      names.add(a.path().topLevel());
    }
    return names;
  }

  /**
   * The parts of {@code item} at the updated paths, as {@code ReturnValues} {@code UPDATED_OLD} (on the
   * old item) and {@code UPDATED_NEW} (on the new item) return them.
   */
  public ObjectNode updatedValues(ObjectNode item) {
    return PathTree.of(updatedPaths()).extract(item);
  }

  /**
   * The item after the update, as a new object ({@code item} is not changed). Pass an empty item
   * (with the key) when there is no item yet.
   *
   * @throws ServiceError a {@code ValidationException} for updates the item's content makes invalid
   */
  public ObjectNode apply(ObjectNode item) {
    List<JsonNode> setValues = new ArrayList<>();
    for (Action a : actions) {
      setValues.add(a.section().equals("SET") ? evaluate(a.value(), item) : null);
    }
    ObjectNode result = item.deepCopy();
    List<Action> removes = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      Action a = actions.get(i);
      if (a.section().equals("SET")) {
        if (!a.path().set(result, setValues.get(i))) {
          throw DynamoErrors.validation(INVALID_PATH);
        }
      } else if (a.section().equals("REMOVE")) {
        removes.add(a);
      }
    }
    removes.sort(Comparator.comparing(Action::path, UpdateExpression::laterFirst));
    for (Action a : removes) {
      if (!a.path().remove(result)) {
        throw DynamoErrors.validation(INVALID_PATH);
      }
    }
    for (Action a : actions) {
      if (a.section().equals("ADD")) {
        add(result, a.path(), a.operand());
      } else if (a.section().equals("DELETE")) {
        delete(result, a.path(), a.operand());
      }
    }
    return result;
  }

  /** A total order of paths in which higher list indices come first, keeping later removals' indices valid. */
  private static int laterFirst(DocumentPath a, DocumentPath b) {
    List<Object> x = a.elements();
    List<Object> y = b.elements();
    for (int i = 0; i < x.size() && i < y.size(); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      int c;
      if (p instanceof Integer && q instanceof Integer) {
        c = Integer.compare((Integer) q, (Integer) p);
      } else if (p instanceof String && q instanceof String) {
        c = ((String) p).compareTo((String) q);
      } else {
        c = p instanceof String ? -1 : 1;
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static JsonNode evaluate(Operand operand, ObjectNode item) {
    if (operand instanceof Operand.Path) {
      JsonNode value = ((Operand.Path) operand).path().get(item);
      if (value == null) {
        throw DynamoErrors.validation(NO_ATTRIBUTE);
      }
      return value.deepCopy();
    }
    if (operand instanceof Operand.Value) {
      return ((Operand.Value) operand).value().deepCopy();
    }
    if (operand instanceof Operand.Arithmetic) {
      Operand.Arithmetic arithmetic = (Operand.Arithmetic) operand;
      JsonNode left = evaluate(arithmetic.left(), item);
      JsonNode right = evaluate(arithmetic.right(), item);
      if (!"N".equals(AttributeValues.typeOf(left)) || !"N".equals(AttributeValues.typeOf(right))) {
        throw DynamoErrors.validation(WRONG_TYPE);
      }
      return AttributeValues.numberValue(arithmetic.operator() == '+'
          ? AttributeValues.number(left).add(AttributeValues.number(right))
          : AttributeValues.number(left).subtract(AttributeValues.number(right)));
    }
    Operand.Call call = (Operand.Call) operand;
    if (call.name().equals("if_not_exists")) {
      JsonNode existing = ((Operand.Path) call.args().get(0)).path().get(item);
      return existing != null ? existing.deepCopy() : evaluate(call.args().get(1), item);
    }
    JsonNode first = evaluate(call.args().get(0), item);
    JsonNode second = evaluate(call.args().get(1), item);
    if (!"L".equals(AttributeValues.typeOf(first)) || !"L".equals(AttributeValues.typeOf(second))) {
      throw DynamoErrors.validation(WRONG_TYPE);
    }
    ArrayNode list = ((ArrayNode) first.get("L")).deepCopy();
    list.addAll((ArrayNode) second.get("L"));
    return JsonNodeFactory.instance.objectNode().set("L", list);
  }

  private static void add(ObjectNode item, DocumentPath path, ObjectNode operand) {
    String type = AttributeValues.typeOf(operand);
    JsonNode existing = path.get(item);
    JsonNode updated;
    if (existing == null) {
      updated = operand.deepCopy();
    } else if (!type.equals(AttributeValues.typeOf(existing))) {
      throw DynamoErrors.validation(WRONG_TYPE);
    } else if (type.equals("N")) {
      updated = AttributeValues.numberValue(AttributeValues.number(existing).add(AttributeValues.number(operand)));
    } else {
      updated = JsonNodeFactory.instance.objectNode().set(type, SetValues.union(type, existing.get(type), operand.get(type)));
    }
    if (!path.set(item, updated)) {
      throw DynamoErrors.validation(INVALID_PATH);
    }
  }

  private static void delete(ObjectNode item, DocumentPath path, ObjectNode operand) {
    String type = AttributeValues.typeOf(operand);
    JsonNode existing = path.get(item);
    if (existing == null) {
      if (!path.parentExists(item)) {
        throw DynamoErrors.validation(INVALID_PATH);
      }
      return;
    }
    if (!type.equals(AttributeValues.typeOf(existing))) {
      throw DynamoErrors.validation(WRONG_TYPE);
    }
    ArrayNode remaining = SetValues.difference(type, existing.get(type), operand.get(type));
    if (remaining.isEmpty()) {
      path.remove(item);
    } else {
      path.set(item, JsonNodeFactory.instance.objectNode().set(type, remaining));
    }
  }
}
