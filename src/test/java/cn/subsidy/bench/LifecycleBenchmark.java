package cn.subsidy.bench;

import cn.subsidy.support.AppProcess;
import cn.subsidy.support.StandalonePostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The product's benchmark ({@code mvn -B -Pbench verify}, README "Benchmark"): the packaged server on a
 * PostgreSQL of its own, driven over HTTP, against a bare engine of the same shape on the same database
 * server in the same run. Writes {@code target/bench/results.json} and prints a table.
 */
class LifecycleBenchmark {

  static final int[] THREADS = {1, 2, 4, 8};
  /** Applications per thread count (kept small so that the whole benchmark stays under 10 minutes). */
  static final int APPLICATIONS_PER_ROUND = 32;
  static final int BARE_INSTANCES_PER_ROUND = 96;
  /**
   * Warm-up before the measured rounds, for both sides: the server's JIT compiler is busiest in its first
   * minute under load (a third of the machine's CPU after the 12 applications warmed up before).
   */
  static final int WARMUP_THREADS = 4;
  static final int WARMUP_APPLICATIONS = Integer.getInteger("bench.warmup", 96);
  static final int BARE_WARMUP_INSTANCES = 96;
  static final int PAYMENT_APPLICATIONS = 10_000;
  static final int TASKS = 100_000;
  static final int QUERY_CALLS = 200;
  static final int REGISTRY_LINES = 100_000;
  /** How many of PostgreSQL's statements to list per side ({@code -Dbench.top-statements=200} lists them all). */
  static final int TOP_STATEMENTS = Integer.getInteger("bench.top-statements", 25);

  private final Results results = new Results();
  private DataSource maintenance;
  private final Map<String, String> errors = new LinkedHashMap<>();
  /**
   * The phases to run ({@code -Dbench.phases=task_query,payment_10k}), for working on one of them; all by
   * default. The ratio is only reported when both lifecycle phases ran.
   */
  private final List<String> only = List.of(System.getProperty("bench.phases", "").split(",")).stream()
      .map(String::trim).filter(name -> !name.isEmpty()).toList();

  @Test
  void benchmark() throws Exception {
    try (StandalonePostgres postgres = StandalonePostgres.start("bench",
        Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track_planning", "on"))) {
      postgres.createDatabase("subsidy");
      postgres.createDatabase("bare");
      DataSource database = postgres.dataSource("subsidy");
      maintenance = postgres.dataSource("postgres");
      Sql.update(maintenance, "create extension if not exists pg_stat_statements");
      results.detail("postgres", Sql.settings(database));
      try (AppProcess app = AppProcess.start("bench", postgres.environment("subsidy"), Map.of(
          "subsidy.mail.embedded-smtp-port", "0", "subsidy.mail.embedded-imap-port", "0"), Duration.ofMinutes(3))) {
        results.figure("startup_s", app.startup().toMillis() / 1000.0, "s from java -jar to readiness UP");
        double rssAfterStart = app.rssMb();
        results.figure("rss_mb", rssAfterStart, "MiB resident, server process after start");
        results.detail("rss_after_start_mb", Results.round(rssAfterStart));
        results.write();

        Users users = new Users(app.port());
        double lifecycle = phase("lifecycle", () -> lifecycle(users, database,
            new CpuMeter(app.pid(), postgres.postmasterPid())));
        double bare = phase("bare_engine", () -> bareEngine(postgres, new CpuMeter(-1, postgres.postmasterPid())));
        if (lifecycle > 0 && bare > 0) {
          results.figure("lifecycle_ratio", lifecycle / bare, "lifecycle_per_s / bare_engine_per_s");
        }
        results.write();
        phase("registry_import", () -> registryImport(users));
        phase("payment_10k", () -> payment(users, database));
        phase("task_query", () -> taskQuery(users, database));
        results.detail("rss_after_load_mb", Results.round(app.rssMb()));
      }
    } finally {
      results.detail("errors", errors);
      results.write();
      System.out.println(results.table());
    }
    if (!errors.isEmpty()) {
      throw new AssertionError("benchmark phases failed: " + errors);
    }
  }

  private double lifecycle(Users users, DataSource database, CpuMeter cpu) throws Exception {
    Latencies latencies = new Latencies();
    AppLifecycle driver = new AppLifecycle(users, latencies);
    int warmup = WARMUP_APPLICATIONS;
    int total = warmup + APPLICATIONS_PER_ROUND * THREADS.length;
    // Rounds do not spread evenly over the counties: every county gets enough for any of them.
    driver.importPeople(total / AppLifecycle.COUNTIES.size() + APPLICATIONS_PER_ROUND);
    driver.round(WARMUP_THREADS, warmup / WARMUP_THREADS);
    Latencies measured = new Latencies();
    AppLifecycle timed = driver.recordingInto(measured);
    long sizeBefore = Sql.databaseSize(database);
    Sql.resetStatementTimes(maintenance);
    CpuMeter.Sample cpuBefore = cpu.sample();
    Map<String, Object> perThreads = new LinkedHashMap<>();
    double best = 0;
    int completed = 0;
    for (int threads : THREADS) {
      long start = System.nanoTime();
      List<String> done = timed.round(threads, APPLICATIONS_PER_ROUND / threads);
      double perSecond = done.size() / ((System.nanoTime() - start) / 1e9);
      perThreads.put(Integer.toString(threads), Results.round(perSecond));
      best = Math.max(best, perSecond);
      completed += done.size();
    }
    Map<String, Object> cpuPerApplication = CpuMeter.perUnit(cpuBefore, cpu.sample(), completed);
    long sizeAfter = Sql.databaseSize(database);
    double[] statements = Sql.statementTimes(maintenance, "subsidy");
    results.figure("lifecycle_per_s", best, "completed applications/s (submit to PAID, best thread count)");
    results.figure("cpu_ms_per_application", (double) cpuPerApplication.get("total"), "ms of CPU per completed"
        + " application: server, PostgreSQL and the benchmark's HTTP client together (/proc)");
    results.detail("lifecycle_cpu_ms_per_application", cpuPerApplication);
    results.figure("postgres_ms_per_application", statements[0] / completed,
        "ms of PostgreSQL statement time per completed application (pg_stat_statements, database subsidy)");
    results.detail("postgres_statements_per_application", Results.round(statements[1] / completed));
    results.detail("postgres_plan_ms_and_plans_per_application",
        List.of(Results.round(statements[2] / completed), Results.round(statements[3] / completed)));
    results.detail("postgres_top_statements_per_application", Sql.topStatements(maintenance, "subsidy", completed, TOP_STATEMENTS));
    results.figure("bytes_per_application", (sizeAfter - sizeBefore) / (double) completed,
        "bytes of pg_database_size('subsidy') growth per completed application");
    results.detail("lifecycle_per_s_by_threads", perThreads);
    results.detail("lifecycle_applications_per_thread_count", APPLICATIONS_PER_ROUND);
    results.detail("lifecycle_latencies_ms", measured.summary());
    results.detail("database_size_before_after_bytes", List.of(sizeBefore, sizeAfter));
    return best;
  }

  private double bareEngine(StandalonePostgres postgres, CpuMeter cpu) throws Exception {
    try (BareEngine engine = new BareEngine(postgres.jdbcUrl("bare"))) {
      engine.run(WARMUP_THREADS, BARE_WARMUP_INSTANCES / WARMUP_THREADS);
      Latencies measured = new Latencies();
      Sql.resetStatementTimes(maintenance);
      CpuMeter.Sample cpuBefore = cpu.sample();
      Map<String, Object> perThreads = new LinkedHashMap<>();
      double best = 0;
      int completed = 0;
      for (int threads : THREADS) {
        long start = System.nanoTime();
        int done = engine.run(threads, BARE_INSTANCES_PER_ROUND / threads, measured);
        double perSecond = done / ((System.nanoTime() - start) / 1e9);
        perThreads.put(Integer.toString(threads), Results.round(perSecond));
        best = Math.max(best, perSecond);
        completed += done;
      }
      Map<String, Object> cpuPerInstance = CpuMeter.perUnit(cpuBefore, cpu.sample(), completed);
      double[] statements = Sql.statementTimes(maintenance, "bare");
      results.figure("bare_engine_per_s", best, "completed instances/s of the same-shape model, Java API, best");
      results.figure("bare_cpu_ms_per_instance", (double) cpuPerInstance.get("total"), "ms of CPU per completed"
          + " instance of the bare engine: its JVM (engine and driver) and PostgreSQL (/proc)");
      results.detail("bare_cpu_ms_per_instance", cpuPerInstance);
      results.figure("bare_postgres_ms_per_instance", statements[0] / completed,
          "ms of PostgreSQL statement time per completed instance of the bare engine (database bare)");
      results.detail("bare_postgres_statements_per_instance", Results.round(statements[1] / completed));
      results.detail("bare_postgres_plan_ms_and_plans_per_instance",
          List.of(Results.round(statements[2] / completed), Results.round(statements[3] / completed)));
      results.detail("bare_postgres_top_statements_per_instance", Sql.topStatements(maintenance, "bare", completed, TOP_STATEMENTS));
      results.detail("bare_engine_per_s_by_threads", perThreads);
      results.detail("bare_engine_instances_per_thread_count", BARE_INSTANCES_PER_ROUND);
      results.detail("bare_engine_latencies_ms", measured.summary());
      return best;
    }
  }

  private double registryImport(Users users) {
    byte[] csv = RegistryLoad.csv(REGISTRY_LINES);
    double first = RegistryLoad.importOnce(users.as("admin"), csv, REGISTRY_LINES);
    double again = RegistryLoad.importOnce(users.as("admin"), csv, REGISTRY_LINES);
    results.figure("registry_import_100k_s", first, "s to import a 100,000-line registry CSV (POST /api/registry/import)");
    results.detail("registry_reimport_100k_s", Results.round(again));
    results.detail("registry_csv_bytes", csv.length);
    return first;
  }

  private double payment(Users users, DataSource database) {
    PaymentLoad payments = new PaymentLoad(users, database);
    results.detail("payment", payments.details());
    payments.seed(PAYMENT_APPLICATIONS);
    double seconds = payments.pay(PAYMENT_APPLICATIONS);
    results.figure("payment_10k_s", seconds, "s for batch creation + bank file export + result upload (10,000)");
    return seconds;
  }

  private double taskQuery(Users users, DataSource database) {
    TaskLoad load = new TaskLoad(users, database);
    results.detail("task_load", load.details());
    long visible = load.load(TASKS);
    load.details().put("tasks_visible_to_" + TaskLoad.REVIEWER, visible);
    Latencies latencies = load.query(QUERY_CALLS);
    results.detail("task_query_ms", latencies.summary());
    double p95 = latencies.percentile("task_first_page", 95);
    results.figure("task_count_p95_ms", latencies.percentile("task_count", 95), "ms, p95 of the same reviewer's"
        + " GET /engine-rest/task/count, 100,000 open tasks, authorization on");
    results.figure("task_query_p95_ms", p95, "ms, p95 of a county reviewer's first task page (15, newest first),"
        + " 100,000 open tasks, authorization on");
    return p95;
  }

  interface Phase {
    double run() throws Exception;
  }

  /** Runs a phase; a failure is recorded (and fails the benchmark at the end) but later phases still run. */
  private double phase(String name, Phase phase) {
    if (!only.isEmpty() && !only.contains(name)) {
      return -1;
    }
    long start = System.nanoTime();
    try {
      return phase.run();
    } catch (Exception | AssertionError | LinkageError e) {
      e.printStackTrace();
      errors.put(name, String.valueOf(e));
      return -1;
    } finally {
      results.detail("phase_seconds_" + name, Results.round((System.nanoTime() - start) / 1e9));
      results.write();
    }
  }
}
