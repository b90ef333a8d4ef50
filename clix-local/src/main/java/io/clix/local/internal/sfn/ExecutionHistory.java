package io.clix.local.internal.sfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The event history of one execution: events numbered from 1, each naming the event before it in
 * its own branch of control ({@code previousEventId}), with AWS's type names and detail fields.
 * Guarded by the execution's lock.
 *
 * <p>Kept compact, since a stack holds many executions: while the execution runs, an event is a
 * row of parallel arrays (time, previous id, interned type and field names) and its details a flat
 * {@code Object[]} of names and values rather than a Jackson tree, with a payload equal to a
 * recent one (a state's output is the next state's input) stored once; once the execution has
 * ended, {@link #seal()} writes the whole history into one deflated byte array (strings seen
 * before written as back references). {@link #snapshot()} builds the JSON events back, as
 * GetExecutionHistory answers them.
 */
final class ExecutionHistory {

  /** AWS's hard limit on the events of one execution. */
  static final int LIMIT = 25_000;

  private static final Object[] EMPTY = new Object[0];
  private static final Object[] NOT_TRUNCATED = {"truncated", Boolean.FALSE};
  /** Payloads shorter than this are not worth comparing with the recent ones. */
  private static final int SHARED_PAYLOAD = 24;

  private long[] times;
  private int[] previous;
  private String[] types;
  private String[] fields;
  private Object[] details;
  private int size;
  /** The last long strings stored, to store an equal one again by reference. */
  private final String[] recent = new String[4];
  private int nextRecent;
  /** The whole history once sealed (the arrays are then null). */
  private byte[] sealed;
  /** The name of the state entered last (SfnSnapshot's open executions). */
  private String lastEntered;

  /** Thrown when an event would take the history past {@link #LIMIT}. */
  static final class LimitExceeded extends RuntimeException {
    LimitExceeded() {
      super("history limit", null, false, false);
    }
  }

  /**
   * Appends an event and returns its id.
   *
   * @param detailsField e.g. {@code stateEnteredEventDetails}; {@code null} for none
   * @throws LimitExceeded if the history is full (the caller then fails the execution; the final
   *     event itself is always admitted via {@link #addFinal})
   */
  long add(Instant timestamp, String type, long previousEventId, String detailsField, ObjectNode details) {
    if (size >= LIMIT - 1) {
      throw new LimitExceeded();
    }
    return addFinal(timestamp, type, previousEventId, detailsField, details);
  }

  /** Appends an event even at the limit (the execution's closing event). */
  long addFinal(Instant timestamp, String type, long previousEventId, String detailsField, ObjectNode details) {
    if (sealed != null) {
      unseal();
    }
    if (times == null || size == times.length) {
      grow();
    }
    times[size] = timestamp.toEpochMilli();
    previous[size] = Math.toIntExact(previousEventId);
    types[size] = type.intern();
    if (detailsField != null) {
      fields[size] = detailsField.intern();
      Object compact = details == null ? EMPTY : compact(details);
      this.details[size] = compact;
      if (detailsField.equals("stateEnteredEventDetails") && compact instanceof Object[] a) {
        for (int i = 0; i + 1 < a.length; i += 2) {
          if (a[i].equals("name") && a[i + 1] instanceof String name) {
            lastEntered = name;
          }
        }
      }
    }
    size++;
    return size;
  }

  int size() {
    return size;
  }

  /** The name of the state entered last in this history, or null. */
  String lastEntered() {
    return lastEntered;
  }

  /** The events as GetExecutionHistory answers them, oldest first; fresh nodes the caller may change. */
  List<ObjectNode> snapshot() {
    if (sealed != null) {
      return unsealed(sealed);
    }
    List<ObjectNode> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(event(i + 1, times[i], types[i], previous[i], fields[i], details[i]));
    }
    return out;
  }

  /** Writes the history into one deflated array (the execution has ended); events may still follow. */
  void seal() {
    if (sealed != null || size == 0) {
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + size * 32);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 4096))) {
      Writer writer = new Writer(out);
      out.writeInt(size);
      for (int i = 0; i < size; i++) {
        out.writeLong(times[i]);
        out.writeInt(previous[i]);
        writer.string(types[i]);
        if (fields[i] == null) {
          out.writeByte(NONE);
        } else {
          writer.string(fields[i]);
          writer.value(details[i]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deflater.end();
    }
    sealed = bytes.toByteArray();
    times = null;
    previous = null;
    types = null;
    fields = null;
    details = null;
    Arrays.fill(recent, null);
  }

  private void unseal() {
    List<ObjectNode> events = unsealed(sealed);
    sealed = null;
    size = 0;
    for (ObjectNode event : events) {
      String field = null;
      ObjectNode d = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = event.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().endsWith("EventDetails")) {
          field = e.getKey();
          d = (ObjectNode) e.getValue();
        }
      }
      long millis = event.get("timestamp").decimalValue().movePointRight(3).longValueExact();
      addFinal(Instant.ofEpochMilli(millis), event.get("type").asText(), event.get("previousEventId").asLong(), field, d);
    }
  }

  private void grow() {
    int capacity = times == null ? 8 : Math.min(LIMIT, times.length + (times.length >> 1) + 1);
    times = times == null ? new long[capacity] : Arrays.copyOf(times, capacity);
    previous = previous == null ? new int[capacity] : Arrays.copyOf(previous, capacity);
    types = types == null ? new String[capacity] : Arrays.copyOf(types, capacity);
    fields = fields == null ? new String[capacity] : Arrays.copyOf(fields, capacity);
    details = details == null ? new Object[capacity] : Arrays.copyOf(details, capacity);
  }

  /** Details as a flat array of (interned) names and values: strings, booleans, nested arrays or other JSON. */
  private Object compact(JsonNode node) {
    if (node.isTextual()) {
      return shared(node.textValue());
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isObject()) {
      if (node.isEmpty()) {
        return EMPTY;
      }
      Object[] out = new Object[node.size() * 2];
      int i = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out[i++] = e.getKey().intern();
        out[i++] = compact(e.getValue());
      }
      return Arrays.equals(out, NOT_TRUNCATED) ? NOT_TRUNCATED : out;
    }
    return node.deepCopy();
  }

  /** {@code text}, or an equal payload this history holds already. */
  String shared(String text) {
    if (text.length() < SHARED_PAYLOAD) {
      return text;
    }
    for (String r : recent) {
      if (r != null && r.length() == text.length() && r.equals(text)) {
        return r;
      }
    }
    recent[nextRecent] = text;
    nextRecent = (nextRecent + 1) % recent.length;
    return text;
  }

  private static ObjectNode event(long id, long millis, String type, long previousId, String field, Object details) {
    ObjectNode event = SfnJson.object();
    event.set("timestamp", SfnJson.timestamp(Instant.ofEpochMilli(millis)));
    event.put("type", type);
    event.put("id", id);
    event.put("previousEventId", previousId);
    if (field != null) {
      event.set(field, expand(details));
    }
    return event;
  }

  private static JsonNode expand(Object value) {
    if (value instanceof String s) {
      return TextNode.valueOf(s);
    }
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof Object[] a) {
      ObjectNode out = SfnJson.object();
      for (int i = 0; i < a.length; i += 2) {
        out.set((String) a[i], expand(a[i + 1]));
      }
      return out;
    }
    return ((JsonNode) value).deepCopy();
  }

  // ------------------------------------------------------------------------- the sealed form

  private static final int NONE = 0;
  private static final int STRING = 1;
  private static final int SEEN = 2;
  private static final int OBJECT = 3;
  private static final int TRUE = 4;
  private static final int FALSE = 5;
  private static final int JSON = 6;

  /** Writes values, each string once (then by its index). */
  private static final class Writer {
    private final DataOutputStream out;
    private final Map<String, Integer> seen = new HashMap<>();

    Writer(DataOutputStream out) {
      this.out = out;
    }

    void string(String s) throws IOException {
      Integer index = seen.get(s);
      if (index != null) {
        out.writeByte(SEEN);
        out.writeInt(index);
        return;
      }
      seen.put(s, seen.size());
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      out.writeByte(STRING);
      out.writeInt(utf8.length);
      out.write(utf8);
    }

    void value(Object value) throws IOException {
      if (value instanceof String s) {
        string(s);
      } else if (value instanceof Boolean b) {
        out.writeByte(b ? TRUE : FALSE);
      } else if (value instanceof Object[] a) {
        out.writeByte(OBJECT);
        out.writeInt(a.length / 2);
        for (int i = 0; i < a.length; i += 2) {
          string((String) a[i]);
          value(a[i + 1]);
        }
      } else {
        out.writeByte(JSON);
        string(SfnJson.write((JsonNode) value));
      }
    }
  }

  private static List<ObjectNode> unsealed(byte[] sealed) {
    try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(sealed)))) {
      int count = in.readInt();
      List<String> strings = new ArrayList<>();
      List<ObjectNode> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        ObjectNode event = SfnJson.object();
        event.set("timestamp", SfnJson.timestamp(Instant.ofEpochMilli(in.readLong())));
        int previousId = in.readInt();
        event.put("type", (String) read(in, in.readUnsignedByte(), strings));
        event.put("id", (long) (i + 1));
        event.put("previousEventId", (long) previousId);
        int tag = in.readUnsignedByte();
        if (tag != NONE) {
          String field = (String) read(in, tag, strings);
          event.set(field, node(in, strings));
        }
        out.add(event);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Object read(DataInputStream in, int tag, List<String> strings) throws IOException {
    if (tag == SEEN) {
      return strings.get(in.readInt());
    }
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    String s = new String(utf8, StandardCharsets.UTF_8);
    strings.add(s);
    return s;
  }

  private static JsonNode node(DataInputStream in, List<String> strings) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case STRING, SEEN:
        return TextNode.valueOf((String) read(in, tag, strings));
      case TRUE:
        return BooleanNode.TRUE;
      case FALSE:
        return BooleanNode.FALSE;
      case OBJECT: {
        int n = in.readInt();
        ObjectNode out = SfnJson.object();
        for (int i = 0; i < n; i++) {
          String name = (String) read(in, in.readUnsignedByte(), strings);
          out.set(name, node(in, strings));
        }
        return out;
      }
      case JSON: {
        String json = (String) read(in, in.readUnsignedByte(), strings);
        try {
          return SfnJson.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
      default:
        throw new IllegalStateException("bad history tag " + tag);
    }
  }
}
