package dev.roleusage.spi;

import dev.roleusage.query.UsageWindow;
import java.util.Objects;

/** Every member of a potential role with its usage count of one source inside a window. */
public record TableRequest(String potentialRoleId, String sourceId, UsageWindow window) {
  public TableRequest {
    Objects.requireNonNull(potentialRoleId, "potentialRoleId");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(window, "window");
  }
}
