package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code roleusage.jar} as a separate process, as a user would. The JVM runs in a
 * zone and locale far from UTC/en (like surefire's) so that the jar's answers cannot lean on them.
 */
final class Jar {
  static final String[] JVM = {"-Duser.timezone=Pacific/Kiritimati", "-Duser.language=tr", "-Duser.country=TR",
      "-Xmx1g"};

  private Jar() {}

  /** The finished run: exit code and everything the process wrote. */
  record Run(int exitCode, byte[] stdoutBytes, String stderr) {
    String stdout() {
      return new String(stdoutBytes, StandardCharsets.UTF_8);
    }

    List<String> stderrLines() {
      return stderr.lines().toList();
    }
  }

  static Path jar() {
    Path jar = Paths.get(System.getProperty("roleusage.jar", "target/roleusage.jar")).toAbsolutePath();
    assertThat(jar).as("the shaded jar (built in the package phase)").isRegularFile();
    return jar;
  }

  static List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(JVM));
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(List.of(args));
    return command;
  }

  /** Runs {@code roleusage args…} in {@code workDir} and waits (at most 3 minutes). */
  static Run run(Path workDir, String... args) {
    try {
      Process p = new ProcessBuilder(command(args)).directory(workDir.toFile()).start();
      p.getOutputStream().close();
      CompletableFuture<byte[]> out = drain(p.getInputStream());
      CompletableFuture<byte[]> err = drain(p.getErrorStream());
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("roleusage " + String.join(" ", args) + " did not finish in 3 minutes");
      }
      return new Run(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static CompletableFuture<byte[]> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Data lines of a CSV file (all lines but the header), counted without any CSV parser. */
  static long dataLines(Path csv) throws IOException {
    try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
      return lines.count() - 1;
    }
  }
}
