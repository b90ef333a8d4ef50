package io.clix.local.internal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The region a request was signed for: the region of the SigV4 credential scope in its
 * {@code Authorization} header ({@code Credential=KEY/DATE/REGION/SERVICE/aws4_request}). Services
 * build the ARNs they hand out with it, as AWS answers each region with its own ARNs; requests
 * without a signature get the stack's default region.
 */
public final class RequestRegion {

  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=[^/,\\s]*/[0-9]{8}/([a-z0-9-]+)/[A-Za-z0-9-]+/aws4_request");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestRegion() {}

  /** The region the current request was signed for, or {@code fallback} outside a signed request. */
  public static String current(String fallback) {
    String region = CURRENT.get();
    return region == null ? fallback : region;
  }

  /** The credential scope's region of an {@code Authorization} header, or {@code null}. */
  static String fromAuthorization(String authorization) {
    if (authorization == null) {
      return null;
    }
    Matcher m = CREDENTIAL.matcher(authorization);
    return m.find() ? m.group(1) : null;
  }

  /** Runs the current thread's request as signed for {@code region} ({@code null}: the default). */
  static void set(String region) {
    if (region == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(region);
    }
  }
}
