package cn.subsidy.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.portal.Walk;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.Ids;
import cn.subsidy.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The officials' reports through their API: each official sees their county or province only
 * (administrators all, designers nothing), and the figures are right for applications this test walks
 * through in July 2024, a month no other test uses: two paid after 10 and 20 days, one rejected by the
 * eligibility check, one rejected by the county after 14 working days, one still waiting for its
 * county review past the deadline.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {

  static final String JULY = "from=2024-07&to=2024-07";

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  Walk walk;
  String paidAfter10;
  String paidAfter20;
  String ineligible;
  String rejectedLate;
  String openLate;
  BigDecimal paidAmount;

  @BeforeAll
  void walkJuly2024() {
    walk = new Walk(port, context);
    try {
      Walk.stopClockAt(beijing(2024, 7, 1, 9));
      paidAfter10 = walk.submit(Walk.transport(walk.newPerson("532527"), LocalDate.of(2024, 2, 1)));
      paidAfter20 = walk.submit(Walk.transport(walk.newPerson("532527"), LocalDate.of(2024, 2, 1)));
      rejectedLate = walk.submit(Walk.transport(walk.newPerson("532527"), LocalDate.of(2024, 2, 1)));
      openLate = walk.submit(Walk.transport(walk.newPerson("520181"), LocalDate.of(2024, 2, 1)));
      RegistryEntry stranger = new RegistryEntry("532527", Ids.of("532527", LocalDate.of(1980, 1, 2)), "不在册", null);
      ineligible = walk.submit(Walk.transport(stranger, LocalDate.of(2024, 2, 1)));
      walk.awaitStatus(ineligible, ApplicationStatus.REJECTED);
      for (String no : List.of(paidAfter10, paidAfter20, rejectedLate, openLate)) {
        walk.awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
      }
      walk.approve(paidAfter10);
      walk.approve(paidAfter20);
      long batch = walk.createBatch("532527");
      Walk.stopClockAt(beijing(2024, 7, 11, 9));
      walk.bankResult("532527", batch, paidAfter10 + ",PAID,");
      Walk.stopClockAt(beijing(2024, 7, 19, 9));
      walk.awaitDueJobsDone(rejectedLate);
      walk.complete("reviewer532527", rejectedLate, "Task_CountyReview",
          Map.of("countyDecision", "REJECT", "countyComment", "证明材料不全"));
      Walk.stopClockAt(beijing(2024, 7, 21, 9));
      walk.bankResult("532527", batch, paidAfter20 + ",PAID,");
      walk.awaitStatus(paidAfter20, ApplicationStatus.PAID);
      paidAmount = amount(paidAfter10).add(amount(paidAfter20));
      Walk.stopClockAt(beijing(2024, 7, 22, 10));
    } catch (RuntimeException | Error e) {
      ClockUtil.reset();
      throw e;
    }
  }

  @AfterAll
  void closeTheOpenReview() {
    // The clock goes back to today; the open review is decided so that its timers leave other tests alone.
    ClockUtil.reset();
    walk.awaitDueJobsDone(openLate);
    walk.complete("reviewer520181", openLate, "Task_CountyReview",
        Map.of("countyDecision", "REJECT", "countyComment", "测试结束"));
  }

  private static ZonedDateTime beijing(int year, int month, int day, int hour) {
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, Walk.BEIJING);
  }

  private BigDecimal amount(String applicationNo) {
    return Http.as(port, "admin", "demo").get("/api/applications/" + applicationNo).json().get("amount").decimalValue();
  }

  private JsonNode report(String user) {
    Http.Response response = Http.as(port, user, "demo").get("/api/reports?" + JULY);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode table(JsonNode report, String name) {
    return StreamSupport.stream(report.get("tables").spliterator(), false)
        .filter(t -> t.get("name").asText().equals(name)).findFirst().orElseThrow();
  }

  private static JsonNode row(JsonNode table, String key, String value) {
    return StreamSupport.stream(table.get("rows").spliterator(), false)
        .filter(r -> r.path(key).asText().equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + key + "=" + value + " in " + table));
  }

  private static List<String> column(JsonNode table, String key) {
    List<String> values = new ArrayList<>();
    table.get("rows").forEach(r -> values.add(r.path(key).asText()));
    return values;
  }

  @Test
  void countsApplicationsByCountyWithAmountsApprovedAndPaid() {
    JsonNode report = report("admin");
    JsonNode luxi = row(table(report, "by-county"), "countyCode", "532527");
    assertThat(luxi.get("county").asText()).isEqualTo("泸西县");
    assertThat(luxi.get("applications").asLong()).isEqualTo(4);
    assertThat(luxi.get("inProgress").asLong()).isZero();
    assertThat(luxi.get("rejected").asLong()).isEqualTo(2);
    assertThat(luxi.get("approved").asLong()).isEqualTo(2);
    assertThat(luxi.get("paid").asLong()).isEqualTo(2);
    assertThat(luxi.get("amountApproved").decimalValue()).isEqualByComparingTo(paidAmount);
    assertThat(luxi.get("amountPaid").decimalValue()).isEqualByComparingTo(paidAmount);
    assertThat(luxi.get("overdueReviews").asLong()).isEqualTo(1);
    JsonNode qingzhen = row(table(report, "by-county"), "countyCode", "520181");
    assertThat(qingzhen.get("applications").asLong()).isEqualTo(1);
    assertThat(qingzhen.get("inProgress").asLong()).isEqualTo(1);
    assertThat(qingzhen.get("overdueReviews").asLong()).isEqualTo(1);
    assertThat(column(table(report, "by-county"), "countyCode")).hasSize(7);

    JsonNode summary = report.get("summary");
    assertThat(summary.get("applications").asLong()).isEqualTo(5);
    assertThat(summary.get("amountPaid").decimalValue()).isEqualByComparingTo(paidAmount);
    assertThat(summary.get("overdueReviews").asInt()).isEqualTo(2);
  }

  @Test
  void countsBySubsidyStatusMonthAndTheirCombinations() {
    JsonNode report = report("admin");
    assertThat(row(table(report, "by-subsidy"), "type", "TRANSPORT").get("applications").asLong()).isEqualTo(5);
    assertThat(row(table(report, "by-subsidy"), "type", "TRAINING").get("applications").asLong()).isZero();
    JsonNode byStatus = table(report, "by-status");
    assertThat(row(byStatus, "status", "PAID").get("applications").asLong()).isEqualTo(2);
    assertThat(row(byStatus, "status", "REJECTED").get("applications").asLong()).isEqualTo(2);
    assertThat(row(byStatus, "status", "UNDER_REVIEW").get("applications").asLong()).isEqualTo(1);
    assertThat(row(byStatus, "status", "PAID").get("statusText").asText()).isEqualTo("已支付 / paid");

    JsonNode months = table(report, "by-month");
    assertThat(column(months, "month")).containsExactly("2024-07");
    JsonNode july = row(months, "month", "2024-07");
    assertThat(july.get("submitted").asLong()).isEqualTo(5);
    assertThat(july.get("approved").asLong()).isEqualTo(2);
    assertThat(july.get("paid").asLong()).isEqualTo(2);
    assertThat(july.get("amountPaid").decimalValue()).isEqualByComparingTo(paidAmount);

    JsonNode breakdown = table(report, "breakdown");
    assertThat(breakdown.get("rows")).anySatisfy(r -> {
      assertThat(r.get("countyCode").asText()).isEqualTo("532527");
      assertThat(r.get("month").asText()).isEqualTo("2024-07");
      assertThat(r.get("status").asText()).isEqualTo("PAID");
      assertThat(r.get("applications").asLong()).isEqualTo(2);
    });
  }

  @Test
  void daysFromSubmissionToPaymentAverageAndNinetyFifthPercentile() {
    JsonNode times = table(report("admin"), "payment-time");
    JsonNode luxi = row(times, "countyCode", "532527");
    assertThat(luxi.get("paid").asLong()).isEqualTo(2);
    assertThat(luxi.get("averageDays").decimalValue()).isEqualByComparingTo("15.0");
    // percentile_cont: 10 + 0.95 * (20 - 10)
    assertThat(luxi.get("p95Days").decimalValue()).isEqualByComparingTo("19.5");
    assertThat(luxi.get("longestDays").decimalValue()).isEqualByComparingTo("20.0");
    JsonNode all = row(times, "countyCode", "");
    assertThat(all.get("county").asText()).isEqualTo("合计 / All");
    assertThat(all.get("paid").asLong()).isEqualTo(2);
    assertThat(report("admin").get("summary").get("p95DaysToPayment").decimalValue()).isEqualByComparingTo("19.5");
  }

  @Test
  void reviewsPastTheirDeadlineInWorkingDaysOpenAndDecided() {
    JsonNode late = table(report("admin"), "overdue-reviews");
    assertThat(column(late, "applicationNo")).containsExactlyInAnyOrder(rejectedLate, openLate);
    JsonNode decided = row(late, "applicationNo", rejectedLate);
    // Started Monday 1 July 2024 09:00; ten working days later: Monday 15 July 09:00; decided Friday 19 July.
    assertThat(decided.get("deadline").asText()).isEqualTo("2024-07-15T01:00:00Z");
    assertThat(decided.get("decidedAt").asText()).isEqualTo("2024-07-19T01:00:00Z");
    assertThat(decided.get("workingDays").asInt()).isEqualTo(14);
    assertThat(decided.get("overdueWorkingDays").asInt()).isEqualTo(4);
    JsonNode open = row(late, "applicationNo", openLate);
    assertThat(open.path("decidedAt").isTextual()).isFalse();
    assertThat(open.get("state").asText()).isEqualTo("审核中 / still open");
    assertThat(open.get("workingDays").asInt()).isEqualTo(15);
    assertThat(open.get("overdueWorkingDays").asInt()).isEqualTo(5);
  }

  @Test
  void countyReviewerSeesOnlyTheirCounty() {
    JsonNode report = report("reviewer532527");
    assertThat(column(table(report, "by-county"), "countyCode")).containsExactly("532527");
    assertThat(column(table(report, "applications"), "applicationNo"))
        .containsExactlyInAnyOrder(paidAfter10, paidAfter20, rejectedLate, ineligible);
    assertThat(column(table(report, "overdue-reviews"), "applicationNo")).containsExactly(rejectedLate);
    assertThat(report.get("summary").get("applications").asLong()).isEqualTo(4);
    assertThat(report.get("scope").get("counties")).extracting(JsonNode::asText).containsExactly("532527");

    Http.Response other = Http.as(port, "reviewer532527", "demo").get("/api/reports?countyCode=520181&" + JULY);
    assertThat(other.status()).isEqualTo(403);
    assertThat(Http.as(port, "reviewer532527", "demo").get("/api/reports/applications.csv?countyCode=520181").status())
        .isEqualTo(403);
    assertThat(Http.as(port, "finance532527", "demo").get("/api/reports?" + JULY).json()
        .get("summary").get("applications").asLong()).isEqualTo(4);
  }

  @Test
  void provinceApproverSeesOnlyTheirProvince() {
    JsonNode yunnan = report("approver53");
    assertThat(column(table(yunnan, "by-county"), "countyCode")).allMatch(code -> code.startsWith("53"))
        .contains("532527");
    assertThat(yunnan.get("summary").get("applications").asLong()).isEqualTo(4);
    JsonNode guizhou = report("approver52");
    assertThat(column(table(guizhou, "by-county"), "countyCode")).allMatch(code -> code.startsWith("52"));
    assertThat(column(table(guizhou, "applications"), "applicationNo")).containsExactly(openLate);
    assertThat(Http.as(port, "approver53", "demo").get("/api/reports/by-county?countyCode=520181").status())
        .isEqualTo(403);
  }

  @Test
  void designersAndStrangersGetNoReports() {
    Http.Response designer = Http.as(port, "designer", "demo").get("/api/reports");
    assertThat(designer.status()).isEqualTo(403);
    assertThat(designer.json().get("detail").asText()).contains("统计报表");
    assertThat(Http.as(port, "designer", "demo").get("/api/reports/by-county.xlsx").status()).isEqualTo(403);
    assertThat(Http.anonymous(port).get("/api/reports").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/api/reports/by-county.csv").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/api/reports/applications/" + paidAfter10).status()).isEqualTo(401);
  }

  @Test
  void badFiltersAreListedTogether() {
    Http.Response response = Http.as(port, "admin", "demo").get("/api/reports?from=2024-13&type=BUS&countyCode=12");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("errors")).extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("from", "type", "countyCode");
    assertThat(Http.as(port, "admin", "demo").get("/api/reports?countyCode=999999").status()).isEqualTo(400);
    assertThat(Http.as(port, "admin", "demo").get("/api/reports/no-such-table").status()).isEqualTo(404);
  }

  @Test
  void csvHasAByteOrderMarkAndTheReadersLanguage() {
    byte[] chinese = bytes("/api/reports/payment-time.csv?" + JULY);
    assertThat(chinese).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(chinese, 3, chinese.length - 3, StandardCharsets.UTF_8);
    assertThat(text.lines().toList()).containsExactly(
        "县代码,县,已支付申请数,平均天数,95%分位天数,最长天数",
        "532527,泸西县,2,15.0,19.5,20.0",
        "\"\",合计,2,15.0,19.5,20.0");
    byte[] english = bytes("/api/reports/payment-time.csv?lang=en&" + JULY);
    assertThat(new String(english, StandardCharsets.UTF_8).lines().toList()).contains(
        "\uFEFFCounty code,County,Applications paid,Average days,95th percentile days,Longest days",
        "\"\",All,2,15.0,19.5,20.0");
    String applications = new String(bytes("/api/reports/applications.csv?" + JULY), StandardCharsets.UTF_8);
    assertThat(applications.lines()).hasSize(6).anySatisfy(line -> assertThat(line).startsWith(openLate + ",清镇市,一次性交通补助,"));
  }

  @Test
  void excelWorkbookHasEveryTableWithNumbersAsNumbers() throws IOException {
    byte[] xlsx = bytes("/api/reports/all.xlsx?" + JULY);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      List<Sheet> sheets = workbook.getSheets().toList();
      assertThat(sheets).extracting(Sheet::getName).containsExactly("按县统计", "按补贴统计", "按状态统计", "按月统计",
          "从提交到支付的天数", "超期的县级审核", "按县、补贴、月份和状态", "申请列表");
      List<Row> rows = sheets.get(0).read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("县代码");
      Row luxi = rows.stream().filter(r -> "532527".equals(r.getCellText(0))).findFirst().orElseThrow();
      assertThat(luxi.getCellAsNumber(3)).contains(new BigDecimal("4"));
      assertThat(luxi.getCellAsNumber(10)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(paidAmount));
    }
    byte[] one = bytes("/api/reports/overdue-reviews.xlsx?lang=en&" + JULY);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(one))) {
      Sheet sheet = workbook.getFirstSheet();
      assertThat(sheet.getName()).isEqualTo("County reviews past their deadl");
      assertThat(sheet.read()).hasSize(3);
    }
  }

  @Test
  void officialsRecordHasTheFullDataForTheirCountyOnly() {
    JsonNode record = Http.as(port, "reviewer532527", "demo").get("/api/reports/applications/" + paidAfter10).json();
    assertThat(record.get("applicant").get("idNumber").asText()).isEqualTo(walk.idNumberOf(paidAfter10));
    assertThat(record.get("account").get("number").asText()).isEqualTo("6228480012345678901");
    assertThat(record.get("channel").asText()).isEqualTo("ONLINE");
    assertThat(record.get("payment").get("status").asText()).isEqualTo("PAID");
    assertThat(record.get("payment").get("lines").get(0).get("result").asText()).isEqualTo("PAID");
    assertThat(Http.as(port, "reviewer520181", "demo").get("/api/reports/applications/" + paidAfter10).status())
        .isEqualTo(404);
    assertThat(Http.as(port, "designer", "demo").get("/api/reports/applications/" + paidAfter10).status())
        .isEqualTo(404);
  }

  @Test
  void pagesLearnWhoIsLoggedInAndTheCounties() {
    JsonNode me = Http.as(port, "reviewer532527", "demo").get("/api/me").json();
    assertThat(me.get("userId").asText()).isEqualTo("reviewer532527");
    assertThat(me.get("counties")).extracting(c -> c.get("code").asText()).containsExactly("532527");
    assertThat(me.get("importCounties")).extracting(JsonNode::asText).containsExactly("532527");
    assertThat(me.get("financeCounties")).isEmpty();
    assertThat(Http.as(port, "finance520181", "demo").get("/api/me").json().get("financeCounties"))
        .extracting(JsonNode::asText).containsExactly("520181");
    assertThat(Http.as(port, "designer", "demo").get("/api/me").json().get("reports").asBoolean()).isFalse();
    assertThat(Http.anonymous(port).get("/api/me").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/api/counties").json()).hasSize(7);
  }

  /** A file download as the administrator, as raw bytes. */
  private byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              java.net.URI.create("http://localhost:" + port + path))
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes()))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
      return response.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
