package io.clix.local.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clix.local.internal.http.ServiceError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Pagination of the List* and GetExecutionHistory operations: maxResults and opaque nextTokens. */
final class Pages {

  private Pages() {}

  /**
   * Puts one page of {@code items} into {@code response} under {@code field}, and a nextToken if
   * more follow.
   */
  static void page(JsonNode request, List<? extends JsonNode> items, ObjectNode response, String field, String scope) {
    int max = maxResults(request);
    int from = 0;
    String token = SfnJson.optionalText(request, "nextToken");
    if (token != null) {
      from = decode(token, scope);
    }
    ArrayNode array = response.putArray(field);
    int to = Math.min(items.size(), from + max);
    for (int i = from; i < to; i++) {
      array.add(items.get(i));
    }
    if (to < items.size()) {
      response.put("nextToken", encode(to, scope));
    }
  }

  private static int maxResults(JsonNode request) {
    JsonNode node = request.get("maxResults");
    int max = node == null || node.isNull() ? 0 : node.asInt();
    if (max < 0 || max > 1000) {
      throw SfnErrors.validation("1 validation error detected: Value '" + max + "' at 'maxResults' failed to "
          + "satisfy constraint: Member must have value " + (max < 0 ? "greater than or equal to 0"
          : "less than or equal to 1000"));
    }
    return max == 0 ? 100 : max;
  }

  private static String encode(int offset, String scope) {
    String plain = scope + "|" + offset;
    return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token, String scope) {
    try {
      String plain = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = plain.lastIndexOf('|');
      if (bar < 0 || !plain.substring(0, bar).equals(scope)) {
        throw new IllegalArgumentException();
      }
      return Integer.parseInt(plain.substring(bar + 1));
    } catch (IllegalArgumentException e) {
      throw new ServiceError(400, "InvalidToken", "Invalid Token: '" + token + "'");
    }
  }
}
