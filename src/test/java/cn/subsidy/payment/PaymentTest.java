package cn.subsidy.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The payment ledger: one instruction per application, each in one batch, results recorded once. */
@IntegrationTest
class PaymentTest {

  static final String COUNTY = "450225";
  static final String FINANCE = "finance450225";

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void on() {
    journeys.on(port);
  }

  String approved() {
    RegistryEntry person = journeys.newPerson(COUNTY);
    Map<String, Object> body = Journeys.transport(person, LocalDate.now(Journeys.BEIJING).minusMonths(5),
        "OTHER_PROVINCE");
    @SuppressWarnings("unchecked")
    Map<String, Object> transport = (Map<String, Object>) body.get("transport");
    transport.put("fare", "456.70");
    String no = journeys.submit(body);
    journeys.awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
    journeys.approveThroughProvince(no, "reviewer450225", "approver45");
    return no;
  }

  Http finance() {
    return Http.as(port, FINANCE, "demo");
  }

  long instructions(String no) {
    return jdbc.sql("select count(*) from payment_instruction where application_no = ?").param(no)
        .query(Long.class).single();
  }

  @Test
  void theBankFileHasAHeaderEveryPaymentAndATotalLine() {
    String a = approved();
    String b = approved();
    JsonNode batch = finance().postJson("/api/payments/batches", Map.of("countyCode", COUNTY)).json();
    assertThat(batch.get("status").asText()).isEqualTo("SENT");
    assertThat(batch.get("instructions").findValuesAsText("applicationNo")).contains(a, b);
    assertThat(journeys.statusOf(a)).isEqualTo(ApplicationStatus.PAYING);
    long id = batch.get("id").asLong();
    Http.Response file = finance().get("/api/payments/batches/" + id + "/file");
    assertThat(file.header("Content-Type")).startsWith("text/csv").contains("UTF-8");
    assertThat(file.header("Content-Disposition")).contains("attachment");
    List<String> lines = file.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("applicationNo,name,bank,accountNumber,amount,purpose");
    assertThat(lines).anyMatch(l -> l.startsWith(a + ",") && l.contains(",6228480012345678901,456.70,"));
    String total = lines.get(lines.size() - 1);
    assertThat(total).startsWith("TOTAL," + batch.get("instructions").size() + ",,,")
        .contains("," + batch.get("total").decimalValue().setScale(2).toPlainString() + ",");
    assertThat(Http.as(port, "finance532527", "demo").get("/api/payments/batches/" + id + "/file").status())
        .isEqualTo(403);
    assertThat(Http.as(port, "reviewer450225", "demo").get("/api/payments/batches/" + id + "/file").status())
        .isEqualTo(403);
    assertThat(Http.as(port, "approver45", "demo").get("/api/payments/batches/" + id + "/file").status())
        .isEqualTo(403);
    assertThat(finance().get("/api/payments/batches.csv?countyCode=" + COUNTY).body()).contains(id + "," + COUNTY
        + ",SENT,");
  }

  @Test
  void twoBatchesAtTheSameMomentNeverShareAnInstruction() throws Exception {
    List<String> numbers = List.of(approved(), approved(), approved());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Http.Response>> responses = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      responses.add(pool.submit(() -> {
        start.await();
        return finance().postJson("/api/payments/batches", Map.of("countyCode", COUNTY));
      }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Http.Response> response : responses) {
      statuses.add(response.get().status());
    }
    pool.shutdown();
    assertThat(statuses).contains(201);
    for (String no : numbers) {
      assertThat(jdbc.sql("select count(*) from payment_line where application_no = ?").param(no).query(Long.class)
          .single()).as(no + " is in exactly one batch").isEqualTo(1);
    }
    assertThat(finance().postJson("/api/payments/batches", Map.of("countyCode", COUNTY)).status())
        .as("nothing left to batch").isEqualTo(409);
  }

  @Test
  void theSameResultFileTwiceChangesNothingAndSaysSoLineByLine() {
    String paid = approved();
    String failed = approved();
    long id = finance().postJson("/api/payments/batches", Map.of("countyCode", COUNTY)).json().get("id").asLong();
    String csv = "applicationNo,result,reason\n" + paid + ",PAID,\n" + failed + ",FAILED,账户冻结\n"
        + "532527-2026-000001,PAID,\n" + paid + ",MAYBE,\n";
    JsonNode first = finance().post("/api/payments/batches/" + id + "/result", "text/csv", csv.getBytes()).json();
    assertThat(first.get("changed").asInt()).isEqualTo(2);
    assertThat(first.get("lines").get(2).get("outcome").asText()).contains("不在本批次");
    assertThat(first.get("lines").get(3).get("outcome").asText()).contains("PAID 或 FAILED");
    journeys.awaitStatus(paid, ApplicationStatus.PAID);
    journeys.awaitStatus(failed, ApplicationStatus.PAYMENT_FAILED);
    long mails = jdbc.sql("select count(*) from mail_outbox").query(Long.class).single();

    JsonNode again = finance().post("/api/payments/batches/" + id + "/result", "text/csv", csv.getBytes()).json();
    assertThat(again.get("changed").asInt()).isZero();
    assertThat(again.get("lines").findValuesAsText("outcome")).allMatch(o -> o.contains("未处理") || o.contains("无变化"));
    JsonNode contradicting = finance().post("/api/payments/batches/" + id + "/result", "text/csv",
        ("applicationNo,result,reason\n" + paid + ",FAILED,弄错了\n").getBytes()).json();
    assertThat(contradicting.get("lines").get(0).get("outcome").asText()).contains("已记录为 PAID");
    assertThat(journeys.statusOf(paid)).isEqualTo(ApplicationStatus.PAID);
    assertThat(jdbc.sql("select count(*) from mail_outbox").query(Long.class).single()).isEqualTo(mails);
    assertThat(jdbc.sql("select status from payment_batch where id = ?").param(id).query(String.class).single())
        .isEqualTo("RESULTS_RECORDED");
  }

  @Test
  void anInstructionInABatchCannotBeChangedOrCancelled() {
    String no = approved();
    finance().postJson("/api/payments/batches", Map.of("countyCode", COUNTY));
    assertThatThrownBy(() -> jdbc.sql("update payment_instruction set account_number = '1111111111' where"
        + " application_no = ?").param(no).update()).isInstanceOf(DataAccessException.class)
        .hasMessageContaining("cannot be changed");
    assertThatThrownBy(() -> jdbc.sql("update payment_instruction set amount = amount + 1 where application_no = ?")
        .param(no).update()).hasMessageContaining("never changes");
    assertThat(Http.as(port, "admin", "demo").postJson("/api/payments/instructions/" + no + "/cancel",
        Map.of("reason", "测试")).status()).isEqualTo(409);
  }

  @Test
  void anApprovalThatFailsAfterTheLedgerWriteLeavesNoInstructionAndTheRetryWritesOne() {
    RegistryEntry person = journeys.newPerson(COUNTY);
    Map<String, Object> body = Journeys.transport(person, LocalDate.now(Journeys.BEIJING).minusMonths(5), "OTHER_COUNTY");
    @SuppressWarnings("unchecked")
    Map<String, Object> transport = (Map<String, Object>) body.get("transport");
    transport.put("fare", "88.00");
    String no = journeys.submit(body);
    journeys.awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
    journeys.completeOk("reviewer450225", no, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    journeys.executeJob(no, "Timer_NoticeEnds");
    journeys.awaitStatus(no, ApplicationStatus.AWAITING_PROVINCE);
    // The step fails after writing the instruction and before committing: nothing of it may remain.
    jdbc.sql("""
        create or replace function fail_after_ledger() returns trigger language plpgsql as $$
        begin raise exception 'simulated crash after the ledger write'; end $$;
        create trigger fail_after_ledger after insert on payment_instruction
          for each row when (new.application_no = '%s') execute function fail_after_ledger();
        """.formatted(no)).update();
    try {
      Http.Response crashed = journeys.complete("approver45", no, "Task_ProvinceApproval",
          Map.of("provinceDecision", "APPROVE"));
      assertThat(crashed.status()).isEqualTo(500);
      assertThat(instructions(no)).isZero();
      assertThat(journeys.statusOf(no)).isEqualTo(ApplicationStatus.AWAITING_PROVINCE);
      assertThat(journeys.task(no, "Task_ProvinceApproval")).as("the approval is still to be done").isNotNull();
    } finally {
      jdbc.sql("drop trigger fail_after_ledger on payment_instruction").update();
    }
    journeys.completeOk("approver45", no, "Task_ProvinceApproval", Map.of("provinceDecision", "APPROVE"));
    journeys.awaitStatus(no, ApplicationStatus.APPROVED);
    assertThat(instructions(no)).isEqualTo(1);
    assertThat(jdbc.sql("select amount from payment_instruction where application_no = ?").param(no)
        .query(java.math.BigDecimal.class).single()).isEqualByComparingTo("88.00");
  }

  @Test
  void onlyTheCountysFinanceStaffMakeBatches() {
    assertThat(Http.anonymous(port).postJson("/api/payments/batches", Map.of("countyCode", COUNTY)).status())
        .isEqualTo(401);
    assertThat(Http.as(port, "finance532527", "demo").postJson("/api/payments/batches", Map.of("countyCode", COUNTY))
        .status()).isEqualTo(403);
    assertThat(Http.as(port, "reviewer450225", "demo").postJson("/api/payments/batches", Map.of("countyCode", COUNTY))
        .status()).isEqualTo(403);
    assertThat(finance().postJson("/api/payments/batches", Map.of()).status()).isEqualTo(400);
  }
}
