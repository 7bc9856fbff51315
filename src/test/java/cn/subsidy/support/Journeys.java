package cn.subsidy.support;

import static org.awaitility.Awaitility.await;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.registry.RegistryImporter;
import cn.subsidy.security.Staff;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Walks applications through the product as its users do: applicants through the HTTP API, officials
 * through {@code /engine-rest} with their own credentials, timers by executing their jobs.
 */
@Component
public class Journeys {

  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";

  private final JdbcClient jdbc;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final RegistryImporter registry;
  private int port;

  Journeys(JdbcClient jdbc, TaskService taskService, ManagementService managementService,
      RuntimeService runtimeService, RegistryImporter registry) {
    this.runtimeService = runtimeService;
    this.jdbc = jdbc;
    this.taskService = taskService;
    this.managementService = managementService;
    this.registry = registry;
  }

  public Journeys on(int port) {
    this.port = port;
    return this;
  }

  /** Moves the clock (the engine's and the product's) to a moment in Beijing time; it keeps running. */
  public static void travelTo(ZonedDateTime moment) {
    ClockUtil.offset(moment.toInstant().toEpochMilli() - System.currentTimeMillis());
  }

  public static void backToNow() {
    ClockUtil.reset();
  }

  /** Someone new in the county's registry, born on {@code birth}. */
  public RegistryEntry newPerson(String countyCode, LocalDate birth) {
    String id = Ids.of(countyCode, birth);
    int n = NAMES.incrementAndGet();
    String name = SURNAMES.charAt(n % SURNAMES.length()) + "测" + "甲乙丙丁戊己庚辛壬癸".charAt(n % 10);
    registry.importCsv("idNumber,name,countyCode,category\n" + id + "," + name + "," + countyCode + ",脱贫人口\n",
        new Staff("test", Set.of("camunda-admin")));
    return new RegistryEntry(countyCode, id, name, null);
  }

  public RegistryEntry newPerson(String countyCode) {
    return newPerson(countyCode, LocalDate.of(1985, 3, 14));
  }

  /** A complete transport application body; {@code overrides} replace fields by path ("transport.band"). */
  public static Map<String, Object> transport(RegistryEntry person, LocalDate employmentStart, String band) {
    Map<String, Object> body = base("TRANSPORT", person);
    Map<String, Object> transport = new LinkedHashMap<>();
    transport.put("year", employmentStart.getYear());
    transport.put("workProvince", "广东省");
    transport.put("workPrefecture", "深圳市");
    transport.put("workCounty", "宝安区");
    transport.put("employer", "深圳某电子有限公司");
    transport.put("employmentStart", employmentStart.toString());
    transport.put("band", band);
    body.put("transport", transport);
    return body;
  }

  public static Map<String, Object> training(RegistryEntry person, String occupation, String level,
      LocalDate certificateDate, int days) {
    Map<String, Object> body = base("TRAINING", person);
    Map<String, Object> training = new LinkedHashMap<>();
    training.put("occupation", occupation);
    training.put("level", level);
    training.put("certificateNo", "C" + certificateDate.getYear() + "-" + NAMES.incrementAndGet());
    training.put("certificateDate", certificateDate.toString());
    training.put("trainingDays", days);
    body.put("training", training);
    return body;
  }

  private static Map<String, Object> base(String type, RegistryEntry person) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    Map<String, Object> applicant = new LinkedHashMap<>();
    applicant.put("idNumber", person.idNumber());
    applicant.put("name", person.name());
    applicant.put("phone", "13800138000");
    applicant.put("email", "p" + person.idNumber().toLowerCase() + "@villager.test");
    body.put("applicant", applicant);
    body.put("countyCode", person.countyCode());
    body.put("account", Map.of("bank", "中国农业银行", "number", "6228480012345678901"));
    body.put("pledge", true);
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

  public JsonNode status(String applicationNo, String idNumber) {
    return Http.anonymous(port).header("X-Id-Number", idNumber).get("/api/applications/" + applicationNo).json();
  }

  public ApplicationStatus statusOf(String applicationNo) {
    return ApplicationStatus.valueOf(jdbc.sql("select status from application where application_no = ?")
        .param(applicationNo).query(String.class).single());
  }

  public void awaitStatus(String applicationNo, ApplicationStatus status) {
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(statusOf(applicationNo)).isEqualTo(status));
  }

  public Task task(String applicationNo, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(taskKey)
        .singleResult();
  }

  public Task awaitTask(String applicationNo, String taskKey) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> task(applicationNo, taskKey), t -> t != null);
  }

  /** An official completes the application's task through /engine-rest, with string variables. */
  public Http.Response complete(String user, String applicationNo, String taskKey, Map<String, String> variables) {
    Task task = awaitTask(applicationNo, taskKey);
    Map<String, Object> vars = new HashMap<>();
    variables.forEach((k, v) -> vars.put(k, Map.of("value", v, "type", "String")));
    return Http.as(port, user, "demo").postJson("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", vars));
  }

  public void completeOk(String user, String applicationNo, String taskKey, Map<String, String> variables) {
    Http.Response response = complete(user, applicationNo, taskKey, variables);
    if (response.status() != 204) {
      throw new AssertionError(taskKey + " not completed: " + response.status() + " " + response.body());
    }
  }

  /** The timer (or other job) at {@code activityId} of the application's processes (called ones too). */
  public Job job(String applicationNo, String activityId) {
    List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).list()
        .stream().flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId())
            .activityId(activityId).list().stream())
        .toList();
    if (jobs.size() != 1) {
      throw new AssertionError("expected one job at " + activityId + " for " + applicationNo + ", found " + jobs.size());
    }
    return jobs.get(0);
  }

  /**
   * Runs the job now, as the job executor would when it is due. Like the job executor, it tries again
   * when the job executor changed the same process at the same moment (optimistic locking).
   */
  public void executeJob(String applicationNo, String activityId) {
    String jobId = job(applicationNo, activityId).getId();
    for (int attempt = 1; ; attempt++) {
      try {
        managementService.executeJob(jobId);
        return;
      } catch (org.camunda.bpm.engine.OptimisticLockingException concurrent) {
        if (attempt == 5) {
          throw concurrent;
        }
      }
    }
  }

  public void approveThroughProvince(String applicationNo, String countyReviewer, String approver) {
    completeOk(countyReviewer, applicationNo, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    awaitStatus(applicationNo, ApplicationStatus.PUBLIC_NOTICE);
    executeJob(applicationNo, "Timer_NoticeEnds");
    awaitStatus(applicationNo, ApplicationStatus.AWAITING_PROVINCE);
    completeOk(approver, applicationNo, "Task_ProvinceApproval", Map.of("provinceDecision", "APPROVE"));
    awaitStatus(applicationNo, ApplicationStatus.APPROVED);
  }
}
