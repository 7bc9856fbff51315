package cn.subsidy.workflow;

import static cn.subsidy.application.ApplicationStatus.AWAITING_PROVINCE;
import static cn.subsidy.application.ApplicationStatus.REJECTED;
import static cn.subsidy.application.ApplicationStatus.UNDER_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.Journeys;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every path of {@code provinceApproval} (省级审批), by the approvers of the application's province only. */
@ProcessModelTest("provinceApproval")
class ProvinceApprovalProcessTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;

  @BeforeEach
  void travel() {
    Journeys.travelTo(SubsidyPathsTestBase.MONDAY);
    journeys.on(port);
  }

  @AfterEach
  void back() {
    Journeys.backToNow();
  }

  String awaitingProvince() {
    RegistryEntry person = journeys.newPerson("620823");
    String no = journeys.submit(Journeys.training(person, "养老护理员", "PRIMARY", LocalDate.of(2026, 5, 1), 10));
    journeys.awaitStatus(no, UNDER_REVIEW);
    journeys.completeOk("reviewer620823", no, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    journeys.executeJob(no, "Timer_NoticeEnds");
    journeys.awaitStatus(no, AWAITING_PROVINCE);
    return no;
  }

  @Test
  void approverOfAnotherProvinceCannotDecide() {
    String no = awaitingProvince();
    String task = journeys.task(no, "Task_ProvinceApproval").getId();
    assertThat(Http.as(port, "approver53", "demo").postJson("/engine-rest/task/" + task + "/complete",
        Map.of()).status()).isEqualTo(403);
    assertThat(Http.as(port, "reviewer620823", "demo").postJson("/engine-rest/task/" + task + "/claim",
        Map.of("userId", "reviewer620823")).status()).as("county reviewers do not approve").isEqualTo(403);
    journeys.completeOk("approver62", no, "Task_ProvinceApproval", Map.of("provinceDecision", "APPROVE"));
    journeys.awaitStatus(no, cn.subsidy.application.ApplicationStatus.APPROVED);
  }

  @Test
  void returnGoesBackToTheCounty() {
    String no = awaitingProvince();
    journeys.completeOk("approver62", no, "Task_ProvinceApproval",
        Map.of("provinceDecision", "RETURN", "provinceReason", "请补充考勤记录"));
    journeys.awaitStatus(no, UNDER_REVIEW);
  }

  @Test
  void rejectEndsTheApplication() {
    String no = awaitingProvince();
    journeys.completeOk("approver62", no, "Task_ProvinceApproval",
        Map.of("provinceDecision", "REJECT", "provinceReason", "培训机构不在目录内"));
    journeys.awaitStatus(no, REJECTED);
  }
}
