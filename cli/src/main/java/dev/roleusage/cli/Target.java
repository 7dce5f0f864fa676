package dev.roleusage.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the request target (path and query string, as on the wire) that {@code query} sends. */
final class Target {
  static final String PATH_PREFIX = "/role-mining-potential-roles/";

  private Target() {}

  static String of(String roleId, String sourceId, String sorters, String offset, String limit, boolean count) {
    StringBuilder t = new StringBuilder(PATH_PREFIX).append(encode(roleId)).append("/sources/")
        .append(encode(sourceId)).append("/identityUsage");
    List<String> query = new ArrayList<>();
    if (sorters != null) {
      query.add("sorters=" + encode(sorters));
    }
    if (offset != null) {
      query.add("offset=" + encode(offset));
    }
    if (limit != null) {
      query.add("limit=" + encode(limit));
    }
    if (count) {
      query.add("count=true");
    }
    if (!query.isEmpty()) {
      t.append('?').append(String.join("&", query));
    }
    return t.toString();
  }

  /** RFC 3986 percent-encoding of UTF-8: everything but unreserved characters. */
  static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
