package cn.subsidy.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.subsidy.support.Http;
import cn.subsidy.support.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Transport applications of fresh registry people of 兴山县, submitted through the API as applicants do,
 * for the designer's tests. The subsidy year is last year, so that the three months away from home
 * are complete whatever today's date is.
 */
final class TransportApplications {

  static final String COUNTY = "420526";
  static final String REVIEWER = "reviewer" + COUNTY;
  static final String APPROVER = "approver42";

  private final int port;
  private final TaskService taskService;

  TransportApplications(int port, TaskService taskService) {
    this.port = port;
    this.taskService = taskService;
  }

  /** Registers a new person in the county's registry and submits their application; answers its number. */
  String submit() {
    String id = Ids.of(COUNTY, LocalDate.of(1988, 4, 12));
    String name = "测试" + "甲乙丙丁戊己庚辛壬癸".charAt(Math.floorMod(id.hashCode(), 10));
    Http admin = Http.as(port, "admin", "demo");
    Http.Response imported = admin.post("/api/registry/import", "text/csv; charset=utf-8",
        ("idNumber,name,countyCode,category\n" + id + "," + name + "," + COUNTY + ",脱贫人口\n")
            .getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    int year = LocalDate.now().getYear() - 1;
    Http.Response submitted = Http.anonymous(port).postJson("/api/applications", Map.of(
        "type", "TRANSPORT",
        "applicant", Map.of("idNumber", id, "name", name, "phone", "13900000000", "email", "applicant@subsidy.test"),
        "countyCode", COUNTY,
        "account", Map.of("bank", "中国农业银行", "number", "6228480000000000000"),
        "pledge", true,
        "transport", Map.of("year", year, "workProvince", "广东省", "workPrefecture", "东莞市", "workCounty", "长安镇",
            "employer", "东莞某电子厂", "employmentStart", year + "-01-10", "band", "OTHER_PROVINCE")));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    return submitted.json().get("applicationNo").asText();
  }

  /** The open task of the application at {@code taskKey}, once the engine got there. */
  Task awaitTask(String applicationNo, String taskKey) {
    await().atMost(Duration.ofSeconds(30)).until(() -> task(applicationNo, taskKey) != null);
    return task(applicationNo, taskKey);
  }

  Task task(String applicationNo, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(taskKey)
        .singleResult();
  }

  /** The application as officials see it. */
  JsonNode view(String applicationNo) {
    return Http.as(port, "admin", "demo").get("/api/applications/" + applicationNo).json();
  }

  /** Completes a task through {@code /engine-rest} as the official would: claim, then complete. */
  void complete(Task task, String user, Map<String, String> variables) {
    Http official = Http.as(port, user, "demo");
    assertThat(official.postJson("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user)).status())
        .isEqualTo(204);
    Map<String, Object> values = new java.util.HashMap<>();
    variables.forEach((name, value) -> values.put(name, Map.of("value", value, "type", "String")));
    Http.Response completed = official.postJson("/engine-rest/task/" + task.getId() + "/complete",
        Map.of("variables", values));
    assertThat(completed.status()).as(completed.body()).isEqualTo(204);
  }
}
