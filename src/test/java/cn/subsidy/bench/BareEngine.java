package cn.subsidy.bench;

import cn.subsidy.support.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * Camunda alone, as the yardstick: the benchmark's JVM builds an engine on its own database of the same
 * PostgreSQL server, with the product's engine settings (history full, removal time from the start, job
 * executor on, no CMMN, UUIDs, JSON for object values), deploys a model of the same shape ({@code bench/bare-subsidy.bpmn}, no-op
 * delegates, the product's amount decision) and drives it through the Java API with the same steps as the officials take.
 */
final class BareEngine implements AutoCloseable {

  private static final AtomicInteger KEYS = new AtomicInteger();
  /** The product's decision of the transport amount, evaluated by the model's business rule task as in the product. */
  private static final Path AMOUNT_DECISION = Path.of("processes", "transport-amount.dmn");
  private static final String[][] COUNTIES = {{"532527", "53"}, {"520181", "52"}, {"141129", "14"}};

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;

  BareEngine(String jdbcUrl) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("bare");
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setJdbcDriver("org.postgresql.Driver");
    configuration.setJdbcUsername("postgres");
    configuration.setJdbcPassword("postgres");
    configuration.setJdbcMaxActiveConnections(20);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setHistory("full");
    configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfigurationImpl.HISTORY_REMOVAL_TIME_STRATEGY_START);
    configuration.setJobExecutorActivate(true);
    configuration.setCmmnEnabled(false);
    configuration.setStandaloneTasksEnabled(false);
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setBeans(Map.of("noop", (JavaDelegate) execution -> { }));
    // As the product: Spin's JSON for object values such as the amount decision's result.
    configuration.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
    configuration.setDefaultSerializationFormat("application/json");
    engine = configuration.buildProcessEngine();
    runtime = engine.getRuntimeService();
    tasks = engine.getTaskService();
    management = engine.getManagementService();
    try (InputStream decision = Files.newInputStream(AMOUNT_DECISION)) {
      engine.getRepositoryService().createDeployment().addClasspathResource("bench/bare-subsidy.bpmn")
          .addInputStream("transport-amount.dmn", decision).deploy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int run(int threads, int perThread) throws InterruptedException {
    return run(threads, perThread, new Latencies());
  }

  /** {@code threads} threads each take {@code perThread} instances from start to the bank's PAID. */
  int run(int threads, int perThread, Latencies latencies) throws InterruptedException {
    AtomicInteger done = new AtomicInteger();
    Parallel.run(threads, t -> {
      for (int i = 0; i < perThread; i++) {
        lifecycle(COUNTIES[(t + i) % COUNTIES.length], latencies);
        done.incrementAndGet();
      }
    });
    return done.get();
  }

  private void lifecycle(String[] county, Latencies latencies) {
    String key = "bare-" + KEYS.incrementAndGet();
    latencies.time("start", () -> runtime.startProcessInstanceByKey("bareSubsidy", key,
        Map.of("applicationNo", key, "type", "TRANSPORT",
        "countyCode", county[0], "provinceCode", county[1], "applicantName", "张测甲", "band", "OTHER_PROVINCE")));
    complete(key, "Task_CountyReview", "reviewer" + county[0], "complete_county_review",
        Map.of("countyDecision", "APPROVE", "countyComment", "ok"), latencies);
    Job timer = Poll.until("notice timer of " + key, () -> latencies.time("job_lookup", () -> {
      ProcessInstance notice = runtime.createProcessInstanceQuery().processDefinitionKey("barePublicNotice")
          .processInstanceBusinessKey(key).singleResult();
      return notice == null ? null : management.createJobQuery().processInstanceId(notice.getId())
          .activityId("Timer_NoticeEnds").singleResult();
    }));
    latencies.time("job_execute", () -> management.executeJob(timer.getId()));
    complete(key, "Task_ProvinceApproval", "approver" + county[1], "complete_province_approval",
        Map.of("provinceDecision", "APPROVE", "provinceComment", "ok"), latencies);
    latencies.time("correlate_bank_result", () -> runtime.createMessageCorrelation("BankResult")
        .processInstanceBusinessKey(key).setVariable("paymentResult", "PAID").correlate());
    if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() != 0) {
      throw new AssertionError(key + " did not end");
    }
  }

  private void complete(String key, String taskKey, String user, String callType, Map<String, Object> variables,
      Latencies latencies) {
    Task task = Poll.until(taskKey + " of " + key, () -> latencies.time("task_list", () -> tasks.createTaskQuery()
        .processInstanceBusinessKey(key).taskDefinitionKey(taskKey).singleResult()));
    latencies.time("task_claim", () -> tasks.claim(task.getId(), user));
    latencies.time(callType, () -> tasks.complete(task.getId(), variables));
  }

  @Override
  public void close() {
    engine.close();
  }
}
