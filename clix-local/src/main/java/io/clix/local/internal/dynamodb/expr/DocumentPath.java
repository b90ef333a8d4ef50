package io.clix.local.internal.dynamodb.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A document path such as {@code a.b[2].c}: a top-level attribute name followed by map keys
 * ({@link String}) and list indices ({@link Integer}), with reads and writes on items in DynamoDB
 * wire format. Built by the expression parsers (after {@code #name} placeholders are resolved) or by
 * {@link #of}.
 */
public final class DocumentPath {

  private final List<Object> elements;

  private DocumentPath(List<Object> elements) {
    if (elements.isEmpty() || !(elements.get(0) instanceof String)) {
      throw new IllegalArgumentException("a document path starts with an attribute name: " + elements);
    }
    this.elements = List.copyOf(elements);
  }

  /** A path from its elements: a name, then names ({@link String}) and indices ({@link Integer}). */
  public static DocumentPath of(Object... elements) {
    List<Object> list = new ArrayList<>();
    for (Object e : elements) {
      if (!(e instanceof String) && !(e instanceof Integer)) {
        throw new IllegalArgumentException("not a path element: " + e);
      }
      list.add(e);
    }
    return new DocumentPath(list);
  }

  static DocumentPath of(List<Object> elements) {
    return new DocumentPath(elements);
  }

  /** The elements: names and indices. */
  public List<Object> elements() {
    return elements;
  }

  /** The top-level attribute name. */
  public String topLevel() {
    return (String) elements.get(0);
  }

  /** Whether the path is just a top-level attribute name. */
  public boolean isTopLevel() {
    return elements.size() == 1;
  }

  /** The value at this path in {@code item}, or {@code null} if there is none. */
  public JsonNode get(ObjectNode item) {
    JsonNode current = item.get(topLevel());
    for (int i = 1; i < elements.size() && current != null; i++) {
      current = child(current, elements.get(i));
    }
    return current;
  }

  private static JsonNode child(JsonNode value, Object element) {
    if (element instanceof String) {
      JsonNode map = value.get("M");
      return map == null || value.size() != 1 ? null : map.get((String) element);
    }
    JsonNode list = value.get("L");
    int index = (Integer) element;
    return list == null || value.size() != 1 || index >= list.size() ? null : list.get(index);
  }

  /** The value holding the last element (the item itself for a top-level path), or {@code null}. */
  private JsonNode parentContainer(ObjectNode item) {
    if (isTopLevel()) {
      return item;
    }
    JsonNode parent = DocumentPath.of(elements.subList(0, elements.size() - 1)).get(item);
    if (parent == null) {
      return null;
    }
    Object last = elements.get(elements.size() - 1);
    String type = last instanceof String ? "M" : "L";
    JsonNode inner = parent.get(type);
    return inner == null || parent.size() != 1 ? null : inner;
  }

  /** Whether the container the path ends in exists in {@code item} with the right type (map or list). */
  public boolean parentExists(ObjectNode item) {
    return parentContainer(item) != null;
  }

  /**
   * Writes {@code value} at this path in {@code item} (in place). A list index past the end appends.
   *
   * @return {@code false}, leaving the item unchanged, if the map or list holding the last element is missing
   */
  public boolean set(ObjectNode item, JsonNode value) {
    JsonNode container = parentContainer(item);
    if (container == null) {
      return false;
    }
    Object last = elements.get(elements.size() - 1);
    if (last instanceof String) {
      ((ObjectNode) container).set((String) last, value);
    } else {
      ArrayNode list = (ArrayNode) container;
      int index = (Integer) last;
      if (index < list.size()) {
        list.set(index, value);
      } else {
        list.add(value);
      }
    }
    return true;
  }

  /**
   * Removes the value at this path from {@code item} (in place); nothing happens if it is not there.
   *
   * @return {@code false} if the map or list holding the last element is missing
   */
  public boolean remove(ObjectNode item) {
    JsonNode container = parentContainer(item);
    if (container == null) {
      return false;
    }
    Object last = elements.get(elements.size() - 1);
    if (last instanceof String) {
      ((ObjectNode) container).remove((String) last);
    } else {
      ArrayNode list = (ArrayNode) container;
      int index = (Integer) last;
      if (index < list.size()) {
        list.remove(index);
      }
    }
    return true;
  }

  /** Whether this path starts with all of {@code other}'s elements. */
  public boolean startsWith(DocumentPath other) {
    return other.elements.size() <= elements.size()
        && elements.subList(0, other.elements.size()).equals(other.elements);
  }

  /** The path as DynamoDB's messages print it: {@code [a, b, [2], c]}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (Object e : elements) {
      parts.add(e instanceof Integer ? "[" + e + "]" : (String) e);
    }
    return "[" + String.join(", ", parts) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DocumentPath && ((DocumentPath) o).elements.equals(elements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(elements);
  }

  /** The path in expression syntax, such as {@code a.b[2].c}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Object e : elements) {
      if (e instanceof Integer) {
        sb.append('[').append(e).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(e);
      }
    }
    return sb.toString();
  }
}
