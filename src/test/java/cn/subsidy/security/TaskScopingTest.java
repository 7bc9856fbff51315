package cn.subsidy.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A county's reviewers see and work only on their county's tasks: through {@code /engine-rest},
 * through the Tasklist's own API, and through the Tasklist filters.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskScopingTest {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  String deploymentId;
  String luxiTask;
  String qingzhenTask;

  @BeforeAll
  void startOneReviewPerCounty() {
    deploymentId = repositoryService.createDeployment().name("scoping-test")
        .addClasspathResource("test-models/scoped-review.bpmn").deploy().getId();
    luxiTask = startReview("532527");
    qingzhenTask = startReview("520181");
  }

  @AfterAll
  void removeFixture() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  private String startReview(String county) {
    String instance = runtimeService.startProcessInstanceByKey("scopedReviewTest", "TEST-" + county,
        Map.of("countyCode", county)).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  @Test
  void reviewerListsOnlyTheirCountysTasksThroughRest() {
    Http luxi = Http.as(port, "reviewer532527", "demo");
    assertThat(taskIds(luxi.get("/engine-rest/task").json())).contains(luxiTask).doesNotContain(qingzhenTask);
    assertThat(luxi.get("/engine-rest/task/count").json().get("count").asLong()).isEqualTo(
        taskIds(luxi.get("/engine-rest/task").json()).size());
    assertThat(taskIds(Http.as(port, "reviewer520181", "demo").get("/engine-rest/task").json()))
        .contains(qingzhenTask).doesNotContain(luxiTask);
  }

  @Test
  void reviewerCannotReadClaimOrCompleteAnotherCountysTaskThroughRest() {
    Http luxi = Http.as(port, "reviewer532527", "demo");
    assertThat(luxi.get("/engine-rest/task/" + qingzhenTask).status()).isIn(403, 404);
    assertThat(luxi.get("/engine-rest/task/" + qingzhenTask + "/variables").status()).isIn(403, 404);
    assertThat(luxi.postJson("/engine-rest/task/" + qingzhenTask + "/claim", Map.of("userId", "reviewer532527"))
        .status()).isEqualTo(403);
    assertThat(luxi.postJson("/engine-rest/task/" + qingzhenTask + "/complete", Map.of()).status()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(qingzhenTask).singleResult().getAssignee()).isNull();
  }

  @Test
  void approverAndFinanceSeeNoCountyReviews() {
    assertThat(taskIds(Http.as(port, "approver53", "demo").get("/engine-rest/task").json()))
        .doesNotContain(luxiTask, qingzhenTask);
    assertThat(taskIds(Http.as(port, "finance532527", "demo").get("/engine-rest/task").json()))
        .doesNotContain(luxiTask, qingzhenTask);
    assertThat(taskIds(Http.as(port, "designer", "demo").get("/engine-rest/task").json()))
        .doesNotContain(luxiTask, qingzhenTask);
  }

  @Test
  void tasklistApiIsScopedTheSameWay() {
    Http tasklist = Http.anonymous(port);
    assertThat(tasklist.loginToWebapp("tasklist", "reviewer532527", "demo").status()).isEqualTo(200);
    String api = "/camunda/api/engine/engine/default";
    Http.Response list = tasklist.get(api + "/task");
    assertThat(list.status()).as(list.body()).isEqualTo(200);
    assertThat(taskIds(list.json())).contains(luxiTask).doesNotContain(qingzhenTask);
    assertThat(tasklist.postJson(api + "/task/" + qingzhenTask + "/claim", Map.of("userId", "reviewer532527"))
        .status()).isEqualTo(403);
    assertThat(tasklist.postJson(api + "/task/" + qingzhenTask + "/complete", Map.of()).status()).isEqualTo(403);
    String own = startReview("532527");
    assertThat(tasklist.postJson(api + "/task/" + own + "/claim", Map.of("userId", "reviewer532527")).status())
        .isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(own).singleResult().getAssignee()).isEqualTo("reviewer532527");
  }

  @Test
  void reviewerClaimsAndCompletesTheirOwnTask() {
    String own = startReview("532527");
    Http luxi = Http.as(port, "reviewer532527", "demo");
    assertThat(luxi.postJson("/engine-rest/task/" + own + "/claim", Map.of("userId", "reviewer532527")).status())
        .isEqualTo(204);
    assertThat(luxi.postJson("/engine-rest/task/" + own + "/complete", Map.of()).status()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(own).count()).isZero();
  }

  @Test
  void filtersShowEachRoleOnlyItsOwnFiltersAndTasks() {
    Http luxi = Http.as(port, "reviewer532527", "demo");
    JsonNode filters = luxi.get("/engine-rest/filter").json();
    List<String> names = new ArrayList<>();
    filters.forEach(f -> names.add(f.get("name").asText()));
    assertThat(names).contains("我县的审核 / My county's reviews", "我的任务 / My tasks")
        .doesNotContain("我省的审批 / My province's approvals", "我县的支付 / My county's payments");
    String countyFilter = idOf(filters, "我县的审核 / My county's reviews");
    JsonNode listed = luxi.postJson("/engine-rest/filter/" + countyFilter + "/list", Map.of()).json();
    assertThat(taskIds(listed)).contains(luxiTask).doesNotContain(qingzhenTask);

    JsonNode approverFilters = Http.as(port, "approver53", "demo").get("/engine-rest/filter").json();
    List<String> approverNames = new ArrayList<>();
    approverFilters.forEach(f -> approverNames.add(f.get("name").asText()));
    assertThat(approverNames).contains("我省的审批 / My province's approvals")
        .doesNotContain("我县的审核 / My county's reviews");
    assertThat(Http.as(port, "approver53", "demo").postJson("/engine-rest/filter/" + countyFilter + "/list",
        Map.of()).status()).isEqualTo(403);
  }

  @Test
  void officialsCannotCreateFilters() {
    assertThat(Http.as(port, "reviewer532527", "demo").postJson("/engine-rest/filter/create",
        Map.of("resourceType", "Task", "name", "all", "query", Map.of())).status()).isEqualTo(403);
  }

  private static String idOf(JsonNode filters, String name) {
    for (JsonNode filter : filters) {
      if (filter.get("name").asText().equals(name)) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("no filter " + name);
  }

  private static List<String> taskIds(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }
}
