package cn.subsidy.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL server of the test's own, as the "external" database of servers started with
 * {@link AppProcess}: fixed port and data directory, so that it can be stopped and started again under
 * load, and shared by several application instances.
 */
public final class StandalonePostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private final Map<String, String> settings;
  private EmbeddedPostgres server;

  private StandalonePostgres(Path dataDirectory, int port, Map<String, String> settings) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.settings = settings;
  }

  /** A fresh server with an empty cluster under {@code target/postgres/<name>}. */
  public static StandalonePostgres start(String name) {
    return start(name, Map.of());
  }

  /** The same, with these server settings besides {@code max_connections = 300}. */
  public static StandalonePostgres start(String name, Map<String, String> settings) {
    Path directory = Path.of("target", "postgres", name).toAbsolutePath();
    deleteRecursively(directory);
    StandalonePostgres postgres = new StandalonePostgres(directory, AppProcess.freePort(), settings);
    postgres.start();
    return postgres;
  }

  // The data directory outlives a stop (zonky would delete a "clean" one on close), so that a restart finds it.
  private void start() {
    try {
      Files.createDirectories(dataDirectory);
      var builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
          .setPort(port).setServerConfig("max_connections", "300");
      settings.forEach(builder::setServerConfig);
      server = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The server's main process (its {@code postmaster.pid}); every backend is a child of it. */
  public long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (fast shutdown: sessions are cut off, as when the database host goes away). */
  public void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts it again on the same port with the same data. */
  public void restart() {
    start();
  }

  private static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  public void createDatabase(String database) {
    try (var connection = server.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("create database " + database);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public javax.sql.DataSource dataSource(String database) {
    return server.getDatabase("postgres", database);
  }

  /** The environment that points an {@link AppProcess} at this server's {@code database}. */
  public Map<String, String> environment(String database) {
    return Map.of("SPRING_DATASOURCE_URL", jdbcUrl(database), "SPRING_DATASOURCE_USERNAME", "postgres",
        "SPRING_DATASOURCE_PASSWORD", "postgres");
  }

  @Override
  public void close() {
    if (server != null) {
      stop();
    }
  }
}
