package io.clix.local.internal.dynamodb.expr;

import static io.clix.local.internal.dynamodb.expr.Json.node;
import static io.clix.local.internal.dynamodb.expr.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DocumentPathTest {

  private static final ObjectNode ITEM = obj("{'a': {'M': {'b': {'L': [{'N': '0'}, {'M': {'c': {'S': 'deep'}}}]}}}, 's': {'S': 'x'}}");

  @Test
  void readsNestedMapsAndLists() {
    assertThat(DocumentPath.of("a", "b", 1, "c").get(ITEM)).isEqualTo(node("{'S': 'deep'}"));
    assertThat(DocumentPath.of("a", "b", 0).get(ITEM)).isEqualTo(node("{'N': '0'}"));
    assertThat(DocumentPath.of("a", "b", 2).get(ITEM)).isNull();
    assertThat(DocumentPath.of("a", "x").get(ITEM)).isNull();
    assertThat(DocumentPath.of("s", "x").get(ITEM)).isNull();
    assertThat(DocumentPath.of("a", 0).get(ITEM)).isNull();
  }

  @Test
  void writesAndAppendsPastTheEndOfAList() {
    ObjectNode item = ITEM.deepCopy();
    assertThat(DocumentPath.of("a", "b", 1, "d").set(item, node("{'N': '4'}"))).isTrue();
    assertThat(DocumentPath.of("a", "b", 9).set(item, node("{'S': 'end'}"))).isTrue();
    assertThat(item.at("/a/M/b/L/1/M/d")).isEqualTo(node("{'N': '4'}"));
    assertThat(item.at("/a/M/b/L/2")).isEqualTo(node("{'S': 'end'}"));
    assertThat(DocumentPath.of("x", "y").set(item, node("{'N': '1'}"))).isFalse();
    assertThat(DocumentPath.of("s", 0).set(item, node("{'N': '1'}"))).isFalse();
  }

  @Test
  void removesAndToleratesMissingLeaves() {
    ObjectNode item = ITEM.deepCopy();
    assertThat(DocumentPath.of("a", "b", 0).remove(item)).isTrue();
    assertThat(item.at("/a/M/b/L/0/M/c")).isEqualTo(node("{'S': 'deep'}"));
    assertThat(DocumentPath.of("a", "nothing").remove(item)).isTrue();
    assertThat(DocumentPath.of("nothing").remove(item)).isTrue();
    assertThat(DocumentPath.of("nothing", "x").remove(item)).isFalse();
  }

  @Test
  void printsAsDynamoDbMessagesDo() {
    DocumentPath p = DocumentPath.of("a", "b", 2, "c");
    assertThat(p.describe()).isEqualTo("[a, b, [2], c]");
    assertThat(p.toString()).isEqualTo("a.b[2].c");
    assertThat(p.topLevel()).isEqualTo("a");
    assertThat(p.startsWith(DocumentPath.of("a", "b"))).isTrue();
    assertThat(p.startsWith(DocumentPath.of("a", "c"))).isFalse();
    assertThat(p).isEqualTo(DocumentPath.of("a", "b", 2, "c")).hasSameHashCodeAs(DocumentPath.of("a", "b", 2, "c"));
  }
}
