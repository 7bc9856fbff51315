package cn.subsidy.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/employment-subsidy.jar}) as an administrator runs it: a
 * process of its own, started with environment variables and arguments, ready when its readiness probe
 * says so, and stopped gracefully or killed with SIGKILL. Its output goes to {@code target/apps/<name>.log}.
 * For benchmarks and fault tests, which must measure or kill a whole server.
 */
public final class AppProcess implements AutoCloseable {

  public static final Path JAR = Path.of("target", "employment-subsidy.jar");
  /**
   * The JVM options README's Deployment gives for a machine of 2 cores (C1 only: the C2 compiler kept a
   * core busy for minutes after every start), with a heap that leaves room for PostgreSQL beside it.
   * {@code -Dapp.jvm-options=...} adds options after these (a later option wins), for trying others.
   */
  public static final List<String> JVM_OPTIONS = List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private final long startedAt;
  private Duration startup;

  private AppProcess(String name, int port, Process process, Path log, long startedAt) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
    this.startedAt = startedAt;
  }

  /**
   * Starts the jar with these environment variables and {@code --key=value} arguments on a free port
   * and waits until it is ready.
   */
  public static AppProcess start(String name, Map<String, String> env, Map<String, String> args, Duration timeout) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run through Maven's verify phase (mvn -B verify), which"
          + " packages the application first");
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of(System.getProperty("app.jvm-options", "").trim().split("\\s+")).stream()
        .filter(option -> !option.isEmpty()).toList());
    command.addAll(List.of("-jar", JAR.toString(), "--server.port=" + port));
    args.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Path log = Files.createDirectories(Path.of("target", "apps")).resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(env);
      long startedAt = System.nanoTime();
      AppProcess app = new AppProcess(name, port, builder.start(), log, startedAt);
      app.awaitReady(timeout);
      return app;
    } catch (IOException e) {
      throw new IllegalStateException("could not start " + name, e);
    }
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
      }
      if (ready()) {
        startup = Duration.ofNanos(System.nanoTime() - startedAt);
        return;
      }
      sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  /** Whether the readiness probe answers UP. */
  public boolean ready() {
    try {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl()
          + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("UP");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /** From starting the JVM to a ready application. */
  public Duration startup() {
    return startup;
  }

  public boolean alive() {
    return process.isAlive();
  }

  /** Resident memory of the server process, in MiB (Linux {@code /proc}). */
  public double rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
        }
      }
      throw new IllegalStateException("no VmRSS for " + pid());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL: the server stops at once, mid-request and mid-transaction, as in a power cut. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** SIGTERM: a graceful shutdown. */
  public void stop() {
    if (process.isAlive()) {
      process.destroy();
      if (!waitFor(Duration.ofSeconds(60))) {
        kill();
      }
    }
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    stop();
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
