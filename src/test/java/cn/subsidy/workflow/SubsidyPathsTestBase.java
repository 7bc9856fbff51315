package cn.subsidy.workflow;

import static cn.subsidy.application.ApplicationStatus.APPROVED;
import static cn.subsidy.application.ApplicationStatus.AWAITING_PROVINCE;
import static cn.subsidy.application.ApplicationStatus.PAID;
import static cn.subsidy.application.ApplicationStatus.PAYING;
import static cn.subsidy.application.ApplicationStatus.PUBLIC_NOTICE;
import static cn.subsidy.application.ApplicationStatus.REJECTED;
import static cn.subsidy.application.ApplicationStatus.SUPPLEMENT_REQUIRED;
import static cn.subsidy.application.ApplicationStatus.UNDER_REVIEW;
import static cn.subsidy.application.ApplicationStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of a subsidy's model, walked as the users walk it: applicants through the API, officials
 * through /engine-rest, timers by running their jobs. The two subsidies share the paths; each subclass
 * says how its applications are made.
 */
abstract class SubsidyPathsTestBase {

  /** Monday 15 June 2026, 10:00 in Beijing: a plain working week. */
  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 6, 15, 10, 0, 0, 0, Journeys.BEIJING);
  static final String COUNTY = "532527";
  static final String REVIEWER = "reviewer532527";
  static final String APPROVER = "approver53";
  static final String FINANCE = "finance532527";

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  /** An application that passes the eligibility check, by a new registry person of the county. */
  abstract Map<String, Object> eligibleApplication(RegistryEntry person);

  /** The amount the county's tables give {@link #eligibleApplication}. */
  abstract String expectedAmount();

  @BeforeEach
  void travel() {
    Journeys.travelTo(MONDAY);
    journeys.on(port);
  }

  @AfterEach
  void back() {
    Journeys.backToNow();
  }

  String submitEligible() {
    RegistryEntry person = journeys.newPerson(COUNTY);
    String no = journeys.submit(eligibleApplication(person));
    journeys.awaitStatus(no, UNDER_REVIEW);
    return no;
  }

  String idOf(String applicationNo) {
    return jdbc.sql("select id_number from application where application_no = ?").param(applicationNo)
        .query(String.class).single();
  }

  @Test
  void eligibleApplicationReachesTheCountyReviewWithItsAmountAndIsPaid() {
    String no = submitEligible();
    JsonNode status = journeys.status(no, idOf(no));
    assertThat(status.get("amount").decimalValue()).isEqualByComparingTo(expectedAmount());
    assertThat(journeys.task(no, "Task_CountyReview")).isNotNull();
    assertThat(taskService.createTaskQuery().taskId(journeys.task(no, "Task_CountyReview").getId())
        .taskCandidateGroup("reviewers" + COUNTY).count()).isEqualTo(1);

    journeys.approveThroughProvince(no, REVIEWER, APPROVER);
    payThroughFinanceDesk(no);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(no)
        .processDefinitionKey(processKey()).singleResult().getEndActivityId()).isEqualTo("EndEvent_Paid");
    for (String subProcess : List.of("publicNotice", "provinceApproval", "subsidyPayment")) {
      assertThat(passedVariables(no, subProcess)).as(subProcess)
          .containsAll(List.of("applicationNo", "type", "countyCode", "provinceCode"))
          .doesNotContainAnyElementsOf(List.of("applicantName", "category", "eligible", "amount", "countyComment",
              "level", "occupation", "band"));
    }
  }

  /**
   * The process variables of the application's {@code subProcessKey} instance. The call activities pass the
   * application's keys (In mappings), not every variable: the personal data stays in the calling process,
   * and each copied variable would be written three times more (runtime, history, history detail).
   */
  List<String> passedVariables(String applicationNo, String subProcessKey) {
    String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationNo)
        .processDefinitionKey(subProcessKey).singleResult().getId();
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list().stream()
        .filter(v -> instance.equals(v.getActivityInstanceId()))
        .map(v -> v.getName()).toList();
  }

  abstract String processKey();

  void payThroughFinanceDesk(String no) {
    Http finance = Http.as(port, FINANCE, "demo");
    String task = await().atMost(Duration.ofSeconds(20)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(COUNTY + "-PAYMENTS").taskDefinitionKey("Task_CreatePaymentBatch").list(),
        list -> !list.isEmpty()).get(0).getId();
    assertThat(finance.postJson("/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("confirmBatch", Map.of("value", true)))).status()).isEqualTo(204);
    journeys.awaitStatus(no, PAYING);
    long batch = jdbc.sql("select batch_id from payment_instruction where application_no = ?").param(no)
        .query(Long.class).single();
    Http.Response result = finance.post("/api/payments/batches/" + batch + "/result", "text/csv",
        ("applicationNo,result,reason\n" + no + ",PAID,\n").getBytes());
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    journeys.awaitStatus(no, PAID);
    await().atMost(Duration.ofSeconds(20)).until(() ->
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).count() == 0);
  }

  @Test
  void countyRejectionNeedsAReasonAndEndsRejectedWithIt() {
    String no = submitEligible();
    Http.Response noReason = journeys.complete(REVIEWER, no, "Task_CountyReview", Map.of("countyDecision", "REJECT"));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("message").asText()).contains("驳回须填写理由");
    assertThat(journeys.task(no, "Task_CountyReview")).as("the task is still open").isNotNull();

    journeys.completeOk(REVIEWER, no, "Task_CountyReview",
        Map.of("countyDecision", "REJECT", "countyComment", "务工证明与实际不符"));
    journeys.awaitStatus(no, REJECTED);
    assertThat(journeys.status(no, idOf(no)).get("reasons").toString()).contains("务工证明与实际不符");
  }

  @Test
  void supplementAnsweredComesBackToTheCountyReviewWithWhatChanged() {
    String no = submitEligible();
    Http.Response noItems = journeys.complete(REVIEWER, no, "Task_CountyReview", Map.of("countyDecision", "SUPPLEMENT"));
    assertThat(noItems.status()).isEqualTo(400);
    journeys.completeOk(REVIEWER, no, "Task_CountyReview",
        Map.of("countyDecision", "SUPPLEMENT", "missingItems", "身份证反面复印件\n3个月工资流水"));
    journeys.awaitStatus(no, SUPPLEMENT_REQUIRED);
    String id = idOf(no);
    JsonNode status = journeys.status(no, id);
    assertThat(status.get("missingItems")).extracting(JsonNode::asText)
        .containsExactly("身份证反面复印件", "3个月工资流水");

    Http applicant = Http.anonymous(port).header("X-Id-Number", id);
    assertThat(applicant.postJson("/api/applications/" + no + "/supplement", Map.of()).status())
        .as("nothing new uploaded yet").isEqualTo(400);
    assertThat(applicant.upload("/api/applications/" + no + "/documents?kind=EMPLOYMENT_PROOF", "wages.pdf",
        "application/pdf", "%PDF-1.4 wages".getBytes()).status()).isEqualTo(201);
    assertThat(applicant.postJson("/api/applications/" + no + "/supplement", Map.of("note", "已补交工资流水")).status())
        .isEqualTo(200);
    journeys.awaitStatus(no, UNDER_REVIEW);
    String caseFile = taskService.getVariableLocal(journeys.task(no, "Task_CountyReview").getId(), "caseFile")
        .toString();
    assertThat(caseFile).contains("wages.pdf").contains("已补交工资流水");
    assertThat(caseFile).as("the mails so far, addresses masked, and the live record")
        .contains("to=p" + id.charAt(0) + "***@villager.test")
        .doesNotContain(id.toLowerCase() + "@villager.test")
        .contains("/officials/application.html?no=" + no);
    assertThat(journeys.status(no, id).get("missingItems")).isEmpty();

    journeys.approveThroughProvince(no, REVIEWER, APPROVER);
  }

  @Test
  void supplementNotAnsweredWithinTenWorkingDaysWithdrawsTheApplication() {
    String no = submitEligible();
    journeys.completeOk(REVIEWER, no, "Task_CountyReview",
        Map.of("countyDecision", "SUPPLEMENT", "missingItems", "承诺书签字页"));
    journeys.awaitStatus(no, SUPPLEMENT_REQUIRED);
    // Monday 15 June + 10 working days, the Dragon Boat Festival (19 June) not counted = Tuesday 30 June.
    assertThat(journeys.job(no, "Timer_SupplementDeadline").getDuedate().toInstant().atZone(Journeys.BEIJING)
        .toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(Instant.parse(journeys.status(no, idOf(no)).get("supplementDueAt").asText()))
        .as("the applicant is told the same deadline").isCloseTo(journeys.job(no, "Timer_SupplementDeadline")
            .getDuedate().toInstant(), within(1, ChronoUnit.MINUTES));
    journeys.executeJob(no, "Timer_SupplementDeadline");
    journeys.awaitStatus(no, WITHDRAWN);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).count()).isZero();
  }

  @Test
  void upheldObjectionRejectsTheApplication() {
    String no = submitEligible();
    journeys.completeOk(REVIEWER, no, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    journeys.awaitStatus(no, PUBLIC_NOTICE);
    assertThat(Http.anonymous(port).postJson("/api/applications/" + no + "/objections",
        Map.of("reason", "此人为公职人员")).status()).isEqualTo(201);
    journeys.completeOk(REVIEWER, no, "Task_HandleObjection",
        Map.of("objectionDecision", "UPHOLD", "objectionComment", "经核实为村干部"));
    journeys.awaitStatus(no, REJECTED);
    assertThat(journeys.status(no, idOf(no)).get("reasons").toString()).contains("经核实为村干部");
  }

  @Test
  void provinceReturnsToTheCountyWithItsReasonThenApproves() {
    String no = submitEligible();
    journeys.completeOk(REVIEWER, no, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    journeys.executeJob(no, "Timer_NoticeEnds");
    journeys.awaitStatus(no, AWAITING_PROVINCE);
    assertThat(journeys.complete(APPROVER, no, "Task_ProvinceApproval", Map.of("provinceDecision", "RETURN")).status())
        .as("a return needs its reason").isEqualTo(400);
    journeys.completeOk(APPROVER, no, "Task_ProvinceApproval",
        Map.of("provinceDecision", "RETURN", "provinceReason", "请核实务工单位"));
    journeys.awaitStatus(no, UNDER_REVIEW);
    String caseFile = taskService.getVariableLocal(journeys.task(no, "Task_CountyReview").getId(), "caseFile")
        .toString();
    assertThat(caseFile).contains("省级退回理由").contains("请核实务工单位");
    journeys.approveThroughProvince(no, REVIEWER, APPROVER);
    assertThat(journeys.statusOf(no)).isEqualTo(APPROVED);
  }

  @Test
  void provinceRejectionEndsRejectedWithItsReason() {
    String no = submitEligible();
    journeys.completeOk(REVIEWER, no, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    journeys.executeJob(no, "Timer_NoticeEnds");
    journeys.completeOk(APPROVER, no, "Task_ProvinceApproval",
        Map.of("provinceDecision", "REJECT", "provinceComment", "不符合本省补贴范围"));
    journeys.awaitStatus(no, REJECTED);
    assertThat(journeys.status(no, idOf(no)).get("reasons").toString()).contains("不符合本省补贴范围");
  }

  @Test
  void reviewersAreRemindedAfterSevenWorkingDaysAndTheSupervisorAlertedAfterTen() {
    String no = submitEligible();
    assertThat(journeys.job(no, "Timer_ReviewReminder").getDuedate().toInstant().atZone(Journeys.BEIJING)
        .toLocalDate()).as("7 working days; 19 June is the Dragon Boat holiday").isEqualTo(LocalDate.of(2026, 6, 25));
    assertThat(journeys.job(no, "Timer_ReviewOverdue").getDuedate().toInstant().atZone(Journeys.BEIJING)
        .toLocalDate()).as("10 working days; 19 June is the Dragon Boat holiday").isEqualTo(LocalDate.of(2026, 6, 30));
    journeys.executeJob(no, "Timer_ReviewReminder");
    journeys.executeJob(no, "Timer_ReviewOverdue");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(steps(no))
        .contains("REVIEW_REMINDER", "SUPERVISOR_ALERT"));
    assertThat(journeys.task(no, "Task_CountyReview")).as("the review goes on").isNotNull();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailEvents(no))
        .contains("REVIEW_REMINDER", "SUPERVISOR_ALERT"));
  }

  List<String> steps(String no) {
    return new ArrayList<>(jdbc.sql("select step from application_event where application_no = ? order by id")
        .param(no).query(String.class).list());
  }

  List<String> mailEvents(String no) {
    return jdbc.sql("select event from mail_outbox where application_no = ? order by id").param(no)
        .query(String.class).list();
  }
}
