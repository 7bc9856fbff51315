package cn.subsidy.workflow;

import static cn.subsidy.application.ApplicationStatus.AWAITING_PROVINCE;
import static cn.subsidy.application.ApplicationStatus.PUBLIC_NOTICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of {@code publicNotice} (公示 with 异议), and the public notice list. */
@ProcessModelTest("publicNotice")
class PublicNoticeProcessTest {

  /** Tuesday 29 September 2026: the notice runs into the National Day holiday. */
  static final ZonedDateTime BEFORE_NATIONAL_DAY = ZonedDateTime.of(2026, 9, 29, 9, 30, 0, 0, Journeys.BEIJING);
  static final String COUNTY = "141129";
  static final String REVIEWER = "reviewer141129";

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired TaskService taskService;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void travel() {
    Journeys.travelTo(BEFORE_NATIONAL_DAY);
    journeys.on(port);
  }

  @AfterEach
  void back() {
    Journeys.backToNow();
  }

  private RegistryEntry person;

  String inNotice() {
    person = journeys.newPerson(COUNTY);
    String no = journeys.submit(Journeys.transport(person, LocalDate.of(2026, 3, 1), "OTHER_PROVINCE"));
    journeys.awaitStatus(no, cn.subsidy.application.ApplicationStatus.UNDER_REVIEW);
    journeys.completeOk(REVIEWER, no, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    journeys.awaitStatus(no, PUBLIC_NOTICE);
    return no;
  }

  @Test
  void noticeRunsFiveWorkingDaysAcrossNationalDayAndListsMaskedData() {
    String no = inNotice();
    // 30 Sep (1), 1-7 Oct off, 8 Oct (2), 9 Oct (3), Saturday 10 Oct is a working day (4), 12 Oct (5).
    assertThat(journeys.job(no, "Timer_NoticeEnds").getDuedate().toInstant().atZone(Journeys.BEIJING).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 10, 12));
    JsonNode notice = Http.anonymous(port).get("/api/notices?countyCode=" + COUNTY).json();
    JsonNode entry = null;
    for (JsonNode e : notice.get("entries")) {
      if (e.get("applicationNo").asText().equals(no)) {
        entry = e;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("idNumber").asText()).isEqualTo(person.idNumber().substring(0, 4) + "**********"
        + person.idNumber().substring(14));
    assertThat(entry.get("name").asText()).startsWith(person.name().substring(0, 1)).contains("*")
        .isNotEqualTo(person.name());
    assertThat(notice.toString()).doesNotContain(person.idNumber()).doesNotContain(person.name());

    journeys.executeJob(no, "Timer_NoticeEnds");
    journeys.awaitStatus(no, AWAITING_PROVINCE);
    assertThat(Http.anonymous(port).get("/api/notices?countyCode=" + COUNTY).body()).doesNotContain(no);
  }

  @Test
  void dismissedObjectionLetsTheNoticeGoOn() {
    String no = inNotice();
    Http.Response objection = Http.anonymous(port).postJson("/api/applications/" + no + "/objections",
        Map.of("reason", "该申请人长期在家，并未外出务工", "contact", "13900000000"));
    assertThat(objection.status()).isEqualTo(201);
    String caseFile = taskService.getVariableLocal(journeys.awaitTask(no, "Task_HandleObjection").getId(), "caseFile")
        .toString();
    assertThat(caseFile).contains("该申请人长期在家");
    assertThat(journeys.complete(REVIEWER, no, "Task_HandleObjection", Map.of("objectionDecision", "DISMISS")).status())
        .as("a decision without a reason").isEqualTo(400);
    journeys.completeOk(REVIEWER, no, "Task_HandleObjection",
        Map.of("objectionDecision", "DISMISS", "objectionComment", "已核实社保记录，确在外务工"));
    assertThat(journeys.statusOf(no)).isEqualTo(PUBLIC_NOTICE);
    journeys.executeJob(no, "Timer_NoticeEnds");
    journeys.awaitStatus(no, AWAITING_PROVINCE);
    assertThat(jdbc.sql("select decision from objection where application_no = ?").param(no).query(String.class)
        .single()).isEqualTo("DISMISS");
  }

  @Test
  void undecidedObjectionAlertsTheSupervisorsAndIsStillDecided() {
    String no = inNotice();
    Http.anonymous(port).postJson("/api/applications/" + no + "/objections", Map.of("reason", "重复申请"));
    journeys.awaitTask(no, "Task_HandleObjection");
    journeys.executeJob(no, "Timer_ObjectionOverdue");
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from application_event"
        + " where application_no = ? and step = 'OBJECTION_OVERDUE'").param(no).query(Long.class).single() == 1);
    journeys.completeOk(REVIEWER, no, "Task_HandleObjection",
        Map.of("objectionDecision", "DISMISS", "objectionComment", "未发现重复"));
    journeys.executeJob(no, "Timer_NoticeEnds");
    journeys.awaitStatus(no, AWAITING_PROVINCE);
  }

  @Test
  void upheldObjectionEndsTheNoticeWithTheApplicationRejected() {
    String no = inNotice();
    Http.anonymous(port).postJson("/api/applications/" + no + "/objections", Map.of("reason", "系公职人员"));
    journeys.completeOk(REVIEWER, no, "Task_HandleObjection",
        Map.of("objectionDecision", "UPHOLD", "objectionComment", "核实为乡镇在编人员"));
    journeys.awaitStatus(no, cn.subsidy.application.ApplicationStatus.REJECTED);
  }

  @Test
  void anObjectionAfterTheNoticeEndedIsRefusedAndChangesNothing() {
    String no = inNotice();
    journeys.executeJob(no, "Timer_NoticeEnds");
    journeys.awaitStatus(no, AWAITING_PROVINCE);
    Http.Response late = Http.anonymous(port).postJson("/api/applications/" + no + "/objections",
        Map.of("reason", "迟到的异议"));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asText()).contains("不在公示期内");
    assertThat(jdbc.sql("select count(*) from objection where application_no = ?").param(no).query(Long.class).single())
        .isZero();
    assertThat(Http.anonymous(port).postJson("/api/applications/" + no + "/objections", Map.of()).status())
        .as("an objection without a reason").isEqualTo(400);
    assertThat(Http.anonymous(port).postJson("/api/applications/532527-2026-999999/objections",
        Map.of("reason", "x")).status()).isEqualTo(404);
  }
}
