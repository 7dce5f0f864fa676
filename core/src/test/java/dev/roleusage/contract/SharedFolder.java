package dev.roleusage.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the project's {@code shared/} folder (contract, spec, cases, data sets), which sits beside
 * the repository: {@code ../shared} from the project root. Tests read it there and never copy it.
 * Override with {@code -Droleusage.shared=/path} or {@code ROLEUSAGE_SHARED}.
 */
public final class SharedFolder {
  private SharedFolder() {}

  public static Path path() {
    String configured = System.getProperty("roleusage.shared", System.getenv("ROLEUSAGE_SHARED"));
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured).toAbsolutePath().normalize();
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("shared");
      if (Files.isRegularFile(candidate.resolve("CONTRACT.md"))) {
        return candidate.normalize();
      }
    }
    throw new IllegalStateException("cannot find the shared/ folder (with CONTRACT.md) above "
        + Paths.get("").toAbsolutePath() + "; set -Droleusage.shared=/path/to/shared");
  }

  public static Path resolve(String relative) {
    return path().resolve(relative);
  }
}
