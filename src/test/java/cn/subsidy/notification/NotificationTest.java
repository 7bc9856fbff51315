package cn.subsidy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Applicants and officials get their mails through a real SMTP server (GreenMail), in Chinese and English. */
@IntegrationTest
class NotificationTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired GreenMail greenMail;
  @Autowired JdbcClient jdbc;

  LocalDate today = LocalDate.now(Journeys.BEIJING);

  @BeforeEach
  void on() {
    journeys.on(port);
  }

  /** A received mail: its subject, and its plain-text and HTML bodies. */
  record Mail(String to, String subject, String text, String html) {}

  List<Mail> mailsTo(String address) throws Exception {
    List<Mail> mails = new ArrayList<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
        mails.add(new Mail(address, message.getSubject(), part(message, "text/plain"), part(message, "text/html")));
      }
    }
    return mails;
  }

  /** The first part of the given type anywhere in the message. */
  static String part(Part part, String type) throws Exception {
    if (part.isMimeType(type)) {
      return part.getContent().toString();
    }
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String found = part(multipart.getBodyPart(i), type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  Mail awaitMail(String address, String subjectPart) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(address).stream()
        .filter(m -> m.subject().contains(subjectPart)).findFirst().orElse(null), m -> m != null);
  }

  static String email(RegistryEntry person) {
    return "p" + person.idNumber().toLowerCase() + "@villager.test";
  }

  @Test
  void theApplicantHearsOfEveryStepInChineseThenEnglish() throws Exception {
    RegistryEntry person = journeys.newPerson("532527");
    String no = journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_PROVINCE"));
    Mail received = awaitMail(email(person), "已收到您的申请");
    assertThat(received.subject()).contains(no).contains("received");
    assertThat(received.text()).contains(no).contains("/lookup.html?no=" + no);
    assertThat(received.text().indexOf("您好")).isLessThan(received.text().indexOf("Dear"));
    assertThat(received.html()).contains("<b>" + no + "</b>").contains("lang=\"en\"");

    journeys.completeOk("reviewer532527", no, "Task_CountyReview",
        Map.of("countyDecision", "SUPPLEMENT", "missingItems", "身份证反面\n劳动合同首页"));
    Mail supplement = awaitMail(email(person), "需要补正材料");
    assertThat(supplement.text()).contains("身份证反面").contains("劳动合同首页").contains("needs the following");
    Http applicant = Http.anonymous(port).header("X-Id-Number", person.idNumber());
    applicant.upload("/api/applications/" + no + "/documents?kind=ID_CARD", "id.png", "image/png",
        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
    applicant.postJson("/api/applications/" + no + "/supplement", Map.of());
    journeys.approveThroughProvince(no, "reviewer532527", "approver53");
    Mail approved = awaitMail(email(person), "已批准");
    assertThat(approved.subject()).contains("500.00");
    assertThat(approved.text()).contains("500.00 yuan");

    Http finance = Http.as(port, "finance532527", "demo");
    long batch = finance.postJson("/api/payments/batches", Map.of("countyCode", "532527")).json().get("id").asLong();
    finance.post("/api/payments/batches/" + batch + "/result", "text/csv",
        ("applicationNo,result,reason\n" + no + ",FAILED,户名与账号不符\n").getBytes());
    Mail failed = awaitMail(email(person), "发放失败");
    assertThat(failed.text()).contains("户名与账号不符").contains("correct it at");
    journeys.awaitStatus(no, ApplicationStatus.PAYMENT_FAILED);
    await().atMost(Duration.ofSeconds(20)).until(() -> applicant.putJson("/api/applications/" + no + "/account",
        Map.of("bank", "农村信用社", "number", "6230520012345678")).status() == 200);
    long second = finance.postJson("/api/payments/batches", Map.of("countyCode", "532527")).json().get("id").asLong();
    finance.post("/api/payments/batches/" + second + "/result", "text/csv",
        ("applicationNo,result,reason\n" + no + ",PAID,\n").getBytes());
    Mail paid = awaitMail(email(person), "已发放");
    assertThat(paid.text()).contains("500.00 元").contains("has been paid");
    assertThat(mailsTo(email(person))).extracting(Mail::subject)
        .filteredOn(s -> s.contains("已批准")).as("a corrected account is no second approval").hasSize(1);

    JsonNode notifications = Http.as(port, "reviewer532527", "demo").get("/api/notifications?applicationNo=" + no).json();
    assertThat(notifications.findValuesAsText("event")).containsExactly("RECEIVED", "SUPPLEMENT_REQUIRED", "APPROVED",
        "PAYMENT_FAILED", "PAID");
    assertThat(notifications.findValuesAsText("status")).containsOnly("SENT");
    assertThat(notifications.get(0).get("to").asText()).isEqualTo(email(person));
    assertThat(Http.as(port, "reviewer520181", "demo").get("/api/notifications?applicationNo=" + no).status())
        .isEqualTo(404);
    assertThat(Http.anonymous(port).get("/api/notifications?applicationNo=" + no).status()).isEqualTo(401);
  }

  @Test
  void rejectionListsEveryReasonAndWithdrawalSaysSo() throws Exception {
    RegistryEntry stranger = new RegistryEntry("532527", cn.subsidy.support.Ids.of("532527", LocalDate.of(1990, 2, 2)),
        "外来人", null);
    String rejected = journeys.submit(Journeys.transport(stranger, today.minusDays(20), "OTHER_PROVINCE"));
    Mail mail = awaitMail(email(stranger), "未通过");
    assertThat(mail.subject()).contains(rejected);
    assertThat(mail.text()).contains("台账").contains("registry").contains("连续3个月").contains("consecutive months");

    RegistryEntry person = journeys.newPerson("532527");
    String no = journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_COUNTY"));
    journeys.completeOk("reviewer532527", no, "Task_CountyReview",
        Map.of("countyDecision", "SUPPLEMENT", "missingItems", "车票"));
    journeys.awaitStatus(no, ApplicationStatus.SUPPLEMENT_REQUIRED);
    journeys.executeJob(no, "Timer_SupplementDeadline");
    Mail withdrawn = awaitMail(email(person), "已撤回");
    assertThat(withdrawn.text()).contains("withdrawn");
  }

  @Test
  void officialsAreRemindedAlertedAndToldOfObjections() throws Exception {
    RegistryEntry person = journeys.newPerson("532527");
    String no = journeys.submit(Journeys.transport(person, today.minusMonths(5), "OTHER_COUNTY"));
    journeys.awaitTask(no, "Task_CountyReview");
    journeys.executeJob(no, "Timer_ReviewReminder");
    journeys.executeJob(no, "Timer_ReviewOverdue");
    assertThat(awaitMail("reviewer532527@subsidy.demo", "提醒").subject()).contains(no);
    assertThat(awaitMail("supervisor532527@subsidy.demo", "超期").text()).contains(no).contains("past its limit");
    assertThat(mailsTo("reviewer520181@subsidy.demo")).noneMatch(m -> m.subject().contains(no));

    journeys.completeOk("reviewer532527", no, "Task_CountyReview", Map.of("countyDecision", "APPROVE"));
    Http.anonymous(port).postJson("/api/applications/" + no + "/objections", Map.of("reason", "已在本地就业"));
    Mail objection = awaitMail("reviewer532527@subsidy.demo", "公示异议");
    assertThat(objection.text()).contains("已在本地就业").contains(no);
  }

  @Test
  void applicantsWithoutAnAddressGetNoMailAndGoOn() {
    RegistryEntry person = journeys.newPerson("532527");
    Map<String, Object> body = Journeys.transport(person, today.minusMonths(5), "OTHER_COUNTY");
    @SuppressWarnings("unchecked")
    Map<String, Object> applicant = (Map<String, Object>) body.get("applicant");
    applicant.remove("email");
    String no = journeys.submit(body);
    journeys.awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
    assertThat(jdbc.sql("select count(*) from mail_outbox where application_no = ?").param(no).query(Long.class)
        .single()).isZero();
  }
}
