package cn.subsidy.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An administrator moves applications waiting in county review to a new version of the transport
 * subsidy in which the county's supervisors sign off after the public notice. The plan shows what
 * would move; the batch moves each application once, keeping its task, deadlines, status and history;
 * afterwards the applications go through the new step. Nobody else may migrate.
 */
@IntegrationTest
class MigrationTest {

  private static final String SUPERVISOR = "supervisor" + TransportApplications.COUNTY;

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcClient jdbc;

  @Test
  void applicationsInCountyReviewMoveToTheNewVersionOnceAndGoThroughItsNewStep() {
    TransportApplications applications = new TransportApplications(port, taskService);
    ProcessDefinition old = latestTransport();
    List<String> numbers = List.of(applications.submit(), applications.submit(), applications.submit());
    Map<String, Task> reviews = new HashMap<>();
    numbers.forEach(no -> reviews.put(no, applications.awaitTask(no, "Task_CountyReview")));
    String deploymentId = ChangedTransportModel.deployWithSignOff(repositoryService);
    try {
      ProcessDefinition signOff = latestTransport();
      assertThat(signOff.getVersion()).isEqualTo(old.getVersion() + 1);
      Map<String, Object> request = Map.of("processDefinitionKey", "transportSubsidy", "sourceVersion",
          old.getVersion(), "applicationNos", numbers);
      Snapshot before = snapshot(numbers);

      for (String official : List.of("designer", "reviewer420526", "approver42")) {
        Http other = Http.as(port, official, "demo");
        assertThat(other.postJson("/api/admin/migrations/plan", request).status()).isEqualTo(403);
        assertThat(other.postJson("/api/admin/migrations", request).status()).isEqualTo(403);
      }
      assertThat(Http.anonymous(port).postJson("/api/admin/migrations", request).status()).isEqualTo(401);

      Http admin = Http.as(port, "admin", "demo");
      Http.Response planned = admin.postJson("/api/admin/migrations/plan", request);
      assertThat(planned.status()).as(planned.body()).isEqualTo(200);
      JsonNode plan = planned.json();
      assertThat(plan.get("valid").asBoolean()).isTrue();
      assertThat(plan.get("target").get("version").asInt()).isEqualTo(signOff.getVersion());
      assertThat(plan.get("instances").asLong()).isEqualTo(3);
      assertThat(plan.get("moving").asLong()).isEqualTo(3);
      assertThat(plan.get("cannotMove").asLong()).isZero();
      assertThat(plan.get("activities").toString())
          .contains("{\"activityId\":\"Task_CountyReview\",\"name\":\"县级审核\",\"instances\":3,"
              + "\"movesTo\":\"Task_CountyReview\"}");
      // The review's deadlines are not restarted: their timers move as they are.
      assertThat(plan.get("instructions").toString())
          .contains("{\"sourceActivityId\":\"Timer_ReviewOverdue\",\"targetActivityId\":\"Timer_ReviewOverdue\","
              + "\"updateEventTrigger\":false}");
      assertThat(snapshot(numbers)).as("planning moves nothing").isEqualTo(before);
      assertThat(definitionsOf(numbers)).containsOnly(old.getId());

      Http.Response started = admin.postJson("/api/admin/migrations", request);
      assertThat(started.status()).as(started.body()).isEqualTo(202);
      String batchId = started.json().get("batchId").asText();
      assertThat(started.header("Location")).isEqualTo("/api/admin/migrations/" + batchId);
      await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/admin/migrations/" + batchId).json()
          .get("done").asBoolean());

      assertThat(definitionsOf(numbers)).containsOnly(signOff.getId());
      assertThat(snapshot(numbers)).as("same instances, tasks, deadlines, statuses and history").isEqualTo(before);
      Http.Response again = admin.postJson("/api/admin/migrations", request);
      assertThat(again.status()).as("nothing is left to move twice").isEqualTo(409);
      assertThat(definitionsOf(numbers)).containsOnly(signOff.getId());

      for (String no : numbers) {
        applications.complete(reviews.get(no), TransportApplications.REVIEWER, Map.of("countyDecision", "APPROVE"));
        endNoticeEarly(no);
        Task step = applications.awaitTask(no, ChangedTransportModel.SIGN_OFF);
        assertThat(taskService.createTaskQuery().taskId(step.getId()).taskCandidateGroup("supervisors420526").count())
            .isEqualTo(1);
        assertThat(applications.view(no).get("status").asText()).isEqualTo("PUBLIC_NOTICE");
        applications.complete(step, SUPERVISOR, Map.of());
        Task approval = applications.awaitTask(no, "Task_ProvinceApproval");
        assertThat(applications.view(no).get("status").asText()).isEqualTo("AWAITING_PROVINCE");
        applications.complete(approval, TransportApplications.APPROVER,
            Map.of("provinceDecision", "REJECT", "provinceComment", "测试结束 / end of test"));
      }
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void applicationsAtAStepTheNewVersionLacksAreReportedAndStay() {
    TransportApplications applications = new TransportApplications(port, taskService);
    ProcessDefinition old = latestTransport();
    String applicationNo = applications.submit();
    Task review = applications.awaitTask(applicationNo, "Task_CountyReview");
    String deploymentId = ChangedTransportModel.deployWithCountyReviewReplaced(repositoryService);
    try {
      Http admin = Http.as(port, "admin", "demo");
      Map<String, Object> request = Map.of("processDefinitionKey", "transportSubsidy", "sourceVersion",
          old.getVersion(), "applicationNos", List.of(applicationNo));
      JsonNode plan = admin.postJson("/api/admin/migrations/plan", request).json();
      assertThat(plan.get("valid").asBoolean()).isTrue();
      assertThat(plan.get("moving").asLong()).isZero();
      assertThat(plan.get("cannotMove").asLong()).isEqualTo(1);
      assertThat(plan.get("activities").toString())
          .contains("{\"activityId\":\"Task_CountyReview\",\"name\":\"县级审核\",\"instances\":1}");
      assertThat(plan.get("blocked").get(0).get("applicationNo").asText()).isEqualTo(applicationNo);
      assertThat(plan.get("blocked").get(0).get("activityIds").toString()).isEqualTo("[\"Task_CountyReview\"]");
      Http.Response refused = admin.postJson("/api/admin/migrations", request);
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("detail").asText()).contains("No application can be migrated");
      assertThat(definitionsOf(List.of(applicationNo))).containsOnly(old.getId());
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
    applications.complete(review, TransportApplications.REVIEWER,
        Map.of("countyDecision", "REJECT", "countyComment", "测试结束 / end of test"));
  }

  @Test
  void onlyATimerTheDesignerChangedIsRecomputed() {
    ProcessDefinition old = latestTransport();
    String deploymentId = ChangedTransportModel.deployWithLaterAlert(repositoryService);
    try {
      JsonNode plan = Http.as(port, "admin", "demo").postJson("/api/admin/migrations/plan",
          Map.of("processDefinitionKey", "transportSubsidy", "sourceVersion", old.getVersion())).json();
      assertThat(plan.get("valid").asBoolean()).isTrue();
      assertThat(plan.get("instructions").toString())
          .contains("{\"sourceActivityId\":\"Timer_ReviewOverdue\",\"targetActivityId\":\"Timer_ReviewOverdue\","
              + "\"updateEventTrigger\":true}")
          .contains("{\"sourceActivityId\":\"Timer_ReviewReminder\",\"targetActivityId\":\"Timer_ReviewReminder\","
              + "\"updateEventTrigger\":false}");
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void badRequestsNameEveryProblem() {
    Http admin = Http.as(port, "admin", "demo");
    Http.Response empty = admin.postJson("/api/admin/migrations/plan", Map.of());
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("errors").toString()).contains("processDefinitionKey").contains("sourceVersion");
    Http.Response unknown = admin.postJson("/api/admin/migrations/plan",
        Map.of("processDefinitionKey", "transportSubsidy", "sourceVersion", 999));
    assertThat(unknown.status()).isEqualTo(404);
    Http.Response same = admin.postJson("/api/admin/migrations/plan", Map.of("processDefinitionKey",
        "transportSubsidy", "sourceVersion", latestTransport().getVersion()));
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.json().get("errors").get(0).get("field").asText()).isEqualTo("targetVersion");
  }

  /** What must not change when applications move: instances, tasks, timers, statuses, history. */
  record Snapshot(List<String> instances, List<String> tasks, List<Date> timers, List<String> statuses,
      long historyEntries) {}

  private Snapshot snapshot(List<String> numbers) {
    List<String> instances = new ArrayList<>();
    List<String> tasks = new ArrayList<>();
    List<Date> timers = new ArrayList<>();
    List<String> statuses = new ArrayList<>();
    for (String no : numbers) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).list()
          .forEach(p -> instances.add(p.getId()));
      taskService.createTaskQuery().processInstanceBusinessKey(no).orderByTaskId().asc().list()
          .forEach(t -> tasks.add(t.getId() + ":" + t.getTaskDefinitionKey()));
      managementService.createJobQuery().processInstanceId(instances.get(instances.size() - 1)).timers()
          .orderByJobDuedate().asc().list().forEach(j -> timers.add(j.getDuedate()));
      statuses.add(jdbc.sql("select status from application where application_no = ?").param(no).query(String.class)
          .single());
    }
    long history = jdbc.sql("select count(*) from application_event where application_no in (:numbers)")
        .param("numbers", numbers).query(Long.class).single();
    return new Snapshot(instances, tasks, timers, statuses, history);
  }

  private List<String> definitionsOf(List<String> numbers) {
    return numbers.stream().map(no -> runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no)
        .singleResult().getProcessDefinitionId()).toList();
  }

  /** An administrator may end the notice early (contract); here it is what lets the test go on. */
  private void endNoticeEarly(String applicationNo) {
    await().atMost(Duration.ofSeconds(30)).until(() -> noticeTimer(applicationNo) != null);
    Http.Response executed = Http.as(port, "admin", "demo")
        .post("/engine-rest/job/" + noticeTimer(applicationNo).getId() + "/execute", "application/json", new byte[0]);
    assertThat(executed.status()).as(executed.body()).isEqualTo(204);
  }

  private Job noticeTimer(String applicationNo) {
    var notice = runtimeService.createProcessInstanceQuery().processDefinitionKey("publicNotice")
        .processInstanceBusinessKey(applicationNo).singleResult();
    return notice == null ? null : managementService.createJobQuery().processInstanceId(notice.getId()).timers()
        .activityId("Timer_NoticeEnds").singleResult();
  }

  private ProcessDefinition latestTransport() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("transportSubsidy").latestVersion()
        .singleResult();
  }
}
