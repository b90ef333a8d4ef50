package io.clix.local.internal.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer of an AWS JSON 1.0 service: the HTTP status and the body (with {@code __type}
 * and the message) exactly as the service sends them, so the SDKs map it to their typed
 * exceptions.
 */
public class ServiceError extends RuntimeException {

  private final int status;
  private final ObjectNode body;

  /** An error with the body {@code {"__type": type, "message": message}}. */
  public ServiceError(int status, String type, String message) {
    this(status, body(type, "message", message));
  }

  /** An error with a body built by the service (for a differently spelled message field, or extra fields). */
  public ServiceError(int status, ObjectNode body) {
    super(body.path("__type").asText() + ": " + messageOf(body), null, false, false);
    this.status = status;
    this.body = body;
  }

  /** A body {@code {"__type": type, messageField: message}}; {@code message} may be {@code null}. */
  public static ObjectNode body(String type, String messageField, String message) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("__type", type);
    if (message != null) {
      node.put(messageField, message);
    }
    return node;
  }

  private static String messageOf(ObjectNode body) {
    if (body.has("message")) {
      return body.get("message").asText();
    }
    return body.path("Message").asText("");
  }

  public int status() {
    return status;
  }

  public ObjectNode body() {
    return body;
  }

  /** The error code: the part of {@code __type} after the last {@code #}. */
  public String code() {
    String type = body.path("__type").asText();
    int hash = type.lastIndexOf('#');
    return hash < 0 ? type : type.substring(hash + 1);
  }
}
