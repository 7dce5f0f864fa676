package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code roleusage serve --port 0 …} running as a process; {@link #close()} sends SIGTERM. */
final class ServedJar implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

  private final Process process;
  private final int port;
  private final CompletableFuture<byte[]> stderr;
  private int exitCode = -1;

  private ServedJar(Process process, int port, CompletableFuture<byte[]> stderr) {
    this.process = process;
    this.port = port;
    this.stderr = stderr;
  }

  static ServedJar start(Path workDir, List<String> args) {
    List<String> command = Jar.command(args.toArray(String[]::new));
    try {
      Process p = new ProcessBuilder(command).directory(workDir.toFile()).start();
      p.getOutputStream().close();
      CompletableFuture<byte[]> err = Jar.drain(p.getErrorStream());
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      String line;
      try {
        line = first.get(3, TimeUnit.MINUTES);
      } catch (Exception e) {
        p.destroyForcibly();
        throw new AssertionError("serve did not start: " + new String(err.join(), StandardCharsets.UTF_8), e);
      }
      if (line == null) {
        p.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("serve exited before listening: " + new String(err.join(), StandardCharsets.UTF_8));
      }
      Matcher m = LISTENING.matcher(line);
      assertThat(m.matches()).as("first stdout line '%s'", line).isTrue();
      Jar.drain(p.getInputStream());
      return new ServedJar(p, Integer.parseInt(m.group(1)), err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int port() {
    return port;
  }

  /** SIGTERM, then waits for the process to stop by itself (at most 30 s). */
  @Override
  public void close() {
    if (!process.isAlive()) {
      exitCode = process.exitValue();
      return;
    }
    // SIGTERM through the handle: Process.destroy() would also close our end of stdout/stderr
    process.toHandle().destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("serve did not stop within 30 s of SIGTERM");
      }
      exitCode = process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int exitCode() {
    return exitCode;
  }

  String stderr() {
    return new String(stderr.join(), StandardCharsets.UTF_8);
  }
}
