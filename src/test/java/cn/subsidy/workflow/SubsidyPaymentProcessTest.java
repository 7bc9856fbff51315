package cn.subsidy.workflow;

import static cn.subsidy.application.ApplicationStatus.APPROVED;
import static cn.subsidy.application.ApplicationStatus.PAID;
import static cn.subsidy.application.ApplicationStatus.PAYING;
import static cn.subsidy.application.ApplicationStatus.PAYMENT_FAILED;
import static cn.subsidy.application.ApplicationStatus.REJECTED;
import static cn.subsidy.application.ApplicationStatus.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of {@code subsidyPayment} (paid; failed, corrected and paid; cancelled) and of the county
 * finance desk {@code paymentBatch} (batch from the Tasklist task, or through the API).
 */
@ProcessModelTest({"subsidyPayment", "paymentBatch"})
class SubsidyPaymentProcessTest {

  static final String COUNTY = "520181";
  static final String FINANCE = "finance520181";

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void travel() {
    Journeys.travelTo(SubsidyPathsTestBase.MONDAY);
    journeys.on(port);
  }

  @AfterEach
  void back() {
    Journeys.backToNow();
  }

  RegistryEntry person;

  String approved() {
    person = journeys.newPerson(COUNTY);
    String no = journeys.submit(Journeys.transport(person, LocalDate.of(2026, 1, 10), "OTHER_PREFECTURE"));
    journeys.awaitStatus(no, UNDER_REVIEW);
    journeys.approveThroughProvince(no, "reviewer520181", "approver52");
    return no;
  }

  long batchByApi() {
    Http.Response batch = Http.as(port, FINANCE, "demo").postJson("/api/payments/batches", Map.of("countyCode", COUNTY));
    assertThat(batch.status()).as(batch.body()).isEqualTo(201);
    return batch.json().get("id").asLong();
  }

  Http.Response result(long batch, String csv) {
    return Http.as(port, FINANCE, "demo").post("/api/payments/batches/" + batch + "/result", "text/csv",
        csv.getBytes());
  }

  void awaitEnded(String no) {
    await().atMost(Duration.ofSeconds(20)).until(() ->
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(no).count() == 0);
  }

  @Test
  void paidThroughTheFinanceDeskTaskInTasklist() {
    String no = approved();
    String task = await().atMost(Duration.ofSeconds(20)).until(() -> taskService.createTaskQuery()
        .processInstanceBusinessKey(COUNTY + "-PAYMENTS").taskDefinitionKey("Task_CreatePaymentBatch").list(),
        l -> !l.isEmpty()).get(0).getId();
    Map<String, Object> vars = taskService.getVariablesLocal(task);
    assertThat(((Number) vars.get("openCount")).intValue()).isGreaterThanOrEqualTo(1);
    assertThat(Http.as(port, "finance532527", "demo").postJson("/engine-rest/task/" + task + "/complete",
        Map.of()).status()).as("another county's finance staff").isEqualTo(403);
    assertThat(Http.as(port, FINANCE, "demo").postJson("/engine-rest/task/" + task + "/complete",
        Map.of("variables", Map.of("confirmBatch", Map.of("value", true)))).status()).isEqualTo(204);
    journeys.awaitStatus(no, PAYING);
    long batch = jdbc.sql("select batch_id from payment_instruction where application_no = ?").param(no)
        .query(Long.class).single();
    assertThat(result(batch, "applicationNo,result,reason\n" + no + ",PAID,\n").status()).isEqualTo(200);
    journeys.awaitStatus(no, PAID);
    awaitEnded(no);
  }

  @Test
  void failedPaymentIsCorrectedByTheApplicantAndPaidInALaterBatch() {
    String no = approved();
    long first = batchByApi();
    JsonNode report = result(first, "applicationNo,result,reason\n" + no + ",FAILED,账户已销户\n").json();
    assertThat(report.get("changed").asInt()).isEqualTo(1);
    journeys.awaitStatus(no, PAYMENT_FAILED);
    Http applicant = Http.anonymous(port).header("X-Id-Number", person.idNumber());
    await().atMost(Duration.ofSeconds(20)).until(() -> runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(no).activityId("Receive_AccountCorrected").count() == 1);
    Http.Response bad = applicant.putJson("/api/applications/" + no + "/account", Map.of("bank", "", "number", "12"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors")).hasSize(2);
    assertThat(applicant.putJson("/api/applications/" + no + "/account",
        Map.of("bank", "中国邮政储蓄银行", "number", "6210981234567890123")).status()).isEqualTo(200);
    journeys.awaitStatus(no, APPROVED);
    await().atMost(Duration.ofSeconds(20)).until(() -> runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(no).activityId("Receive_BankResult").count() == 1);

    long second = batchByApi();
    assertThat(second).isNotEqualTo(first);
    String file = Http.as(port, FINANCE, "demo").get("/api/payments/batches/" + second + "/file").body();
    assertThat(file).contains(no + "," + person.name() + ",中国邮政储蓄银行,6210981234567890123,300.00");
    assertThat(result(second, "applicationNo,result,reason\n" + no + ",PAID,\n").status()).isEqualTo(200);
    journeys.awaitStatus(no, PAID);
    awaitEnded(no);
    assertThat(jdbc.sql("select count(*) from payment_instruction where application_no = ?").param(no)
        .query(Long.class).single()).as("one instruction, two attempts").isEqualTo(1);
    assertThat(jdbc.sql("select attempts from payment_instruction where application_no = ?").param(no)
        .query(Integer.class).single()).isEqualTo(2);

    JsonNode history = applicant.get("/api/applications/" + no).json().get("history");
    assertThat(history).allSatisfy(step -> assertThat(step.get("stepText").asText()).as("words for " + step.get("step"))
        .contains(" / ").isNotEqualTo(step.get("step").asText()));
    assertThat(history.toString()).contains("银行退回 / returned by the bank").contains("账户已销户")
        .contains("纳入发放批次 / in payment batch " + second).contains("已更正收款账户");
  }

  @Test
  void anAdministratorCancelsAnOpenInstructionWithAReason() {
    String no = approved();
    Http admin = Http.as(port, "admin", "demo");
    assertThat(Http.as(port, FINANCE, "demo").postJson("/api/payments/instructions/" + no + "/cancel",
        Map.of("reason", "x")).status()).isEqualTo(403);
    assertThat(admin.postJson("/api/payments/instructions/" + no + "/cancel", Map.of()).status()).isEqualTo(400);
    assertThat(admin.postJson("/api/payments/instructions/" + no + "/cancel",
        Map.of("reason", "申请人已去世，家属放弃")).status()).isEqualTo(200);
    journeys.awaitStatus(no, REJECTED);
    awaitEnded(no);
    assertThat(jdbc.sql("select count(*) from payment_audit where application_no = ? and action = 'CANCEL'")
        .param(no).query(Long.class).single()).isEqualTo(1);
  }
}
