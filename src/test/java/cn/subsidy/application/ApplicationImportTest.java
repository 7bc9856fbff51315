package cn.subsidy.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** County staff file a CSV batch of applications; every row is answered. */
@IntegrationTest
class ApplicationImportTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;

  @BeforeEach
  void on() {
    journeys.on(port);
  }

  @Test
  void goodRowsAreSubmittedAndBadRowsSayWhy() {
    LocalDate start = LocalDate.now(Journeys.BEIJING).minusMonths(5);
    RegistryEntry a = journeys.newPerson("532527");
    RegistryEntry b = journeys.newPerson("532527");
    String header = Http.anonymous(port).get("/api/applications/import/template.csv").body().lines().findFirst()
        .orElseThrow();
    String csv = header + "\n"
        + "TRANSPORT," + a.idNumber() + "," + a.name() + ",13800138000,,532527,农业银行,6228480012345678901,是,,,,,,"
        + start.getYear() + ",广东省,深圳市,,某厂," + start + ",OTHER_PROVINCE,\n"
        + "TRAINING," + b.idNumber() + "," + b.name() + ",,bad-mail,532527,农业银行,123,否,电工,MASTER,C1,2026-13-01,x,"
        + ",,,,,,,\n"
        + "TRANSPORT," + a.idNumber() + "," + a.name() + ",,,520181,农业银行,6228480012345678901,是,,,,,,"
        + start.getYear() + ",广东省,深圳市,,某厂," + start + ",OTHER_PROVINCE,\n";
    Http.Response response = Http.as(port, "reviewer532527", "demo").post("/api/applications/import",
        "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.get("submitted").asInt()).isEqualTo(1);
    assertThat(result.get("rejected").asInt()).isEqualTo(2);
    JsonNode rows = result.get("rows");
    assertThat(rows.get(0).get("line").asInt()).isEqualTo(2);
    assertThat(rows.get(0).get("applicationNo").asText()).startsWith("532527-");
    assertThat(rows.get(1).get("line").asInt()).isEqualTo(3);
    assertThat(rows.get(1).get("errors").findValuesAsText("field")).contains("applicant.email", "account.number",
        "pledge", "training.level", "training.certificateDate", "training.trainingDays");
    assertThat(rows.get(2).get("errors").findValuesAsText("field")).containsExactly("countyCode");
    journeys.awaitStatus(rows.get(0).get("applicationNo").asText(), ApplicationStatus.UNDER_REVIEW);
  }

  @Test
  void onlyCountyStaffMayImport() {
    assertThat(Http.anonymous(port).post("/api/applications/import", "text/csv", "x".getBytes()).status())
        .isEqualTo(401);
    assertThat(Http.as(port, "finance532527", "demo").post("/api/applications/import", "text/csv", "x".getBytes())
        .status()).isEqualTo(403);
    assertThat(Http.as(port, "reviewer532527", "demo").post("/api/applications/import", "text/csv",
        "type,idNumber\n".getBytes()).status()).as("a header without the columns").isEqualTo(400);
  }
}
