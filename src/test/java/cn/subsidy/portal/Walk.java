package cn.subsidy.portal;

import static org.awaitility.Awaitility.await;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.registry.RegistryImporter;
import cn.subsidy.security.Staff;
import cn.subsidy.support.Http;
import cn.subsidy.support.Ids;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Walks applications through the product for the portal's and the reports' tests, as its users do:
 * applicants through the HTTP API, officials through {@code /engine-rest} and the payment API with
 * their own credentials, timers by executing their jobs.
 */
public final class Walk {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";

  private final int port;
  private final JdbcClient jdbc;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final RegistryImporter registry;

  public Walk(int port, ApplicationContext context) {
    this.port = port;
    this.jdbc = context.getBean(JdbcClient.class);
    this.taskService = context.getBean(TaskService.class);
    this.managementService = context.getBean(ManagementService.class);
    this.runtimeService = context.getBean(RuntimeService.class);
    this.registry = context.getBean(RegistryImporter.class);
  }

  /** Stops the clock (the engine's and the product's) at a moment in Beijing time. */
  public static void stopClockAt(ZonedDateTime moment) {
    ClockUtil.setCurrentTime(Date.from(moment.toInstant()));
  }

  /** Someone new in the county's registry, with a fresh identity number and a three-character name. */
  public RegistryEntry newPerson(String countyCode) {
    String id = Ids.of(countyCode, LocalDate.of(1986, 4, 1 + NAMES.get() % 28));
    int n = NAMES.incrementAndGet();
    String name = SURNAMES.charAt(n % SURNAMES.length()) + "门" + "甲乙丙丁戊己庚辛壬癸".charAt(n % 10);
    registry.importCsv("idNumber,name,countyCode,category\n" + id + "," + name + "," + countyCode + ",脱贫人口\n",
        new Staff("portal-test", Set.of("camunda-admin")));
    return new RegistryEntry(countyCode, id, name, null);
  }

  /** A complete transport application: other province, work started on {@code start}. */
  public static Map<String, Object> transport(RegistryEntry person, LocalDate start) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "TRANSPORT");
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("idNumber", person.idNumber());
    applicant.put("name", person.name());
    applicant.put("phone", "13800138000");
    applicant.put("email", "p" + person.idNumber().toLowerCase() + "@villager.test");
    body.put("applicant", applicant);
    body.put("countyCode", person.countyCode());
    body.put("account", Map.of("bank", "中国农业银行", "number", "6228480012345678901"));
    body.put("pledge", true);
    Map<String, Object> transport = new LinkedHashMap<>();
    transport.put("year", start.getYear());
    transport.put("workProvince", "广东省");
    transport.put("workPrefecture", "深圳市");
    transport.put("employer", "深圳某电子有限公司");
    transport.put("employmentStart", start.toString());
    transport.put("band", "OTHER_PROVINCE");
    body.put("transport", transport);
    return body;
  }

  /** Submits as the applicant; returns the application number. */
  public String submit(Map<String, Object> body) {
    Http.Response response = Http.anonymous(port).postJson("/api/applications", body);
    if (response.status() != 201) {
      throw new AssertionError("submission refused: " + response.status() + " " + response.body());
    }
    return response.json().get("applicationNo").asText();
  }

  /** A new person of the county applies for the transport subsidy; waits until the county reviews it. */
  public String applicationUnderReview(String countyCode) {
    String no = submit(transport(newPerson(countyCode), workStart()));
    awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
    return no;
  }

  /**
   * When the test people started working away: 1 June of last year, which gives them the months the
   * policy asks for in that subsidy year on any day the tests run.
   */
  public static LocalDate workStart() {
    return LocalDate.of(today().getYear() - 1, 6, 1);
  }

  /** Today in Beijing by the engine's clock. */
  public static LocalDate today() {
    return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
  }

  public ApplicationStatus statusOf(String applicationNo) {
    return ApplicationStatus.valueOf(jdbc.sql("select status from application where application_no = ?")
        .param(applicationNo).query(String.class).single());
  }

  public String idNumberOf(String applicationNo) {
    return jdbc.sql("select id_number from application where application_no = ?").param(applicationNo)
        .query(String.class).single();
  }

  public void awaitStatus(String applicationNo, ApplicationStatus status) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(statusOf(applicationNo)).isEqualTo(status));
  }

  private Task task(String applicationNo, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** An official completes the application's task through /engine-rest, with string variables. */
  public void complete(String user, String applicationNo, String taskKey, Map<String, String> variables) {
    Task task = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> task(applicationNo, taskKey), t -> t != null);
    Map<String, Object> vars = new HashMap<>();
    variables.forEach((k, v) -> vars.put(k, Map.of("value", v, "type", "String")));
    Http.Response response = Http.as(port, user, "demo").postJson("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", vars));
    if (response.status() != 204) {
      throw new AssertionError(taskKey + " not completed: " + response.status() + " " + response.body());
    }
  }

  /** Runs the timer (or other job) at {@code activityId} of the application's processes now. */
  public void executeJob(String applicationNo, String activityId) {
    List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).list()
        .stream().flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(activityId).list().stream())
        .toList();
    if (jobs.size() != 1) {
      throw new AssertionError("expected one job at " + activityId + " for " + applicationNo + ", found " + jobs.size());
    }
    managementService.executeJob(jobs.get(0).getId());
  }

  /**
   * Waits until the job executor has run every job of the application that is due by the engine's
   * clock (timers that a jump of the clock made due), so that a task completed next does not race them.
   */
  public void awaitDueJobsDone(String applicationNo) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> runtimeService
        .createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).list().stream()
        .mapToLong(i -> managementService.createJobQuery().processInstanceId(i.getId()).executable().count())
        .sum() == 0);
  }

  /** The county approves, the notice runs out, the province approves: the application waits for payment. */
  public void approve(String applicationNo) {
    String county = applicationNo.substring(0, 6);
    complete("reviewer" + county, applicationNo, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    awaitStatus(applicationNo, ApplicationStatus.PUBLIC_NOTICE);
    executeJob(applicationNo, "Timer_NoticeEnds");
    awaitStatus(applicationNo, ApplicationStatus.AWAITING_PROVINCE);
    complete("approver" + county.substring(0, 2), applicationNo, "Task_ProvinceApproval",
        Map.of("provinceDecision", "APPROVE"));
    awaitStatus(applicationNo, ApplicationStatus.APPROVED);
  }

  /** The county's finance staff put every waiting payment of the county into a batch; returns its id. */
  public long createBatch(String countyCode) {
    Http.Response response = Http.as(port, "finance" + countyCode, "demo").postJson("/api/payments/batches",
        Map.of("countyCode", countyCode));
    if (response.status() != 201) {
      throw new AssertionError("batch not created: " + response.status() + " " + response.body());
    }
    return response.json().get("id").asLong();
  }

  /** The bank's result file for a batch, e.g. "532527-2026-000001,PAID,". */
  public void bankResult(String countyCode, long batchId, String... lines) {
    String csv = "applicationNo,result,reason\n" + String.join("\n", lines) + "\n";
    Http.Response response = Http.as(port, "finance" + countyCode, "demo").post("/api/payments/batches/" + batchId
        + "/result", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    if (response.status() != 200) {
      throw new AssertionError("result not recorded: " + response.status() + " " + response.body());
    }
  }
}
