package dev.roleusage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./roleusage} launcher, run from a copy of the repository layout (the script and
 * {@code cli/target/roleusage.jar}) so that it can never start a build inside this build.
 */
class LauncherIT {
  @TempDir Path repo;

  private Path launcher() throws IOException {
    Path script = Paths.get(System.getProperty("roleusage.launcher", "../roleusage")).toAbsolutePath().normalize();
    assertThat(script).isRegularFile();
    Path copy = repo.resolve("roleusage");
    Files.copy(script, copy);
    copy.toFile().setExecutable(true);
    return copy;
  }

  private Jar.Run bash(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("bash"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().put("ROLEUSAGE_JAVA_OPTS", String.join(" ", Jar.JVM));
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<byte[]> out = Jar.drain(p.getInputStream());
    CompletableFuture<byte[]> err = Jar.drain(p.getErrorStream());
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return new Jar.Run(p.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
  }

  @Test
  void runsTheJarWithTheArgumentsAndKeepsStdoutClean() throws Exception {
    Path script = launcher();
    Files.createDirectories(repo.resolve("cli/target"));
    Files.copy(Jar.jar(), repo.resolve("cli/target/roleusage.jar"));
    Path elsewhere = Files.createDirectories(repo.resolve("elsewhere"));

    Jar.Run run = bash(elsewhere, script.toString(), "generate", "out", "--identities", "5", "--seed", "3");

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).as("no build, no noise").isEmpty();
    assertThat(run.stdout()).startsWith("wrote out (seed 3");
    assertThat(elsewhere.resolve("out/identities.csv")).as("relative to the caller's directory").isRegularFile();
    Jar.Run usage = bash(elsewhere, script.toString(), "query");
    assertThat(usage.exitCode()).as("the jar's exit code is passed on").isEqualTo(2);
  }

  @Test
  void buildsWhenTheJarIsMissing() throws Exception {
    Path script = launcher(); // no pom.xml here, so the build it starts must fail, and say so

    Jar.Run run = bash(repo, script.toString(), "--help");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).contains("building cli/target/roleusage.jar").contains("the build failed");
  }
}
