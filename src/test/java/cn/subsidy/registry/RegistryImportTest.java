package cn.subsidy.registry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.Ids;
import cn.subsidy.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/registry/import}: every line checked, good ones imported, re-import changes nothing. */
@IntegrationTest
class RegistryImportTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private Http.Response importAs(String user, String csv) {
    return Http.as(port, user, "demo").post("/api/registry/import", "text/csv; charset=utf-8",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void importsGoodLinesAndReportsEachBadLineWithEveryReason() {
    String good1 = Ids.of("532527", LocalDate.of(1990, 3, 4));
    String good2 = Ids.of("532527", LocalDate.of(1985, 7, 8));
    String csv = "idNumber,name,countyCode,category\n"
        + good1 + ",李四,532527,脱贫人口\n"
        + Ids.withWrongCheck(Ids.of("532527", LocalDate.of(1991, 1, 1))) + ",王五,532527,监测对象\n"
        + good2 + ",赵六,532527,MONITORED\n"
        + Ids.of("532527", LocalDate.of(1992, 2, 2)) + ",,999999,贫困户\n";
    Http.Response response = importAs("reviewer532527", csv);
    assertThat(response.status()).isEqualTo(200);
    JsonNode result = response.json();
    assertThat(result.get("imported").asInt()).isEqualTo(2);
    assertThat(result.get("rejected")).hasSize(2);
    assertThat(result.get("rejected").get(0).get("line").asInt()).isEqualTo(3);
    assertThat(result.get("rejected").get(0).get("error").asText()).contains("校验位");
    JsonNode fifth = result.get("rejected").get(1);
    assertThat(fifth.get("line").asInt()).isEqualTo(5);
    assertThat(fifth.get("error").asText()).contains("姓名").contains("999999").contains("类别");
    assertThat(jdbc.sql("select category from registry_person where id_number = ?").param(good2).query(String.class)
        .single()).isEqualTo("MONITORED");
  }

  @Test
  void reimportingTheSameFileChangesNothing() {
    String id = Ids.of("520181", LocalDate.of(1979, 9, 9));
    String csv = "idNumber,name,countyCode,category\n" + id + ",陈七,520181,脱贫人口\n";
    assertThat(importAs("reviewer520181", csv).json().get("imported").asInt()).isEqualTo(1);
    Object before = jdbc.sql("select updated_at from registry_person where id_number = ?").param(id).query()
        .singleValue();
    JsonNode again = importAs("reviewer520181", csv).json();
    assertThat(again.get("imported").asInt()).isEqualTo(1);
    assertThat(again.get("rejected")).isEmpty();
    assertThat(jdbc.sql("select updated_at from registry_person where id_number = ?").param(id).query()
        .singleValue()).isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from registry_person where id_number = ?").param(id).query(Long.class)
        .single()).isEqualTo(1);
  }

  @Test
  void staffImportOnlyTheirOwnCountysLines() {
    String id = Ids.of("520181", LocalDate.of(1980, 1, 2));
    JsonNode result = importAs("reviewer532527", "idNumber,name,countyCode,category\n" + id + ",周八,520181,脱贫人口\n")
        .json();
    assertThat(result.get("imported").asInt()).isZero();
    assertThat(result.get("rejected").get(0).get("error").asText()).contains("无权");
    assertThat(jdbc.sql("select count(*) from registry_person where id_number = ?").param(id).query(Long.class)
        .single()).isZero();
  }

  @Test
  void onlyCountyStaffAndAdministratorsMayImport() {
    String csv = "idNumber,name,countyCode,category\n";
    assertThat(Http.anonymous(port).post("/api/registry/import", "text/csv", csv.getBytes()).status())
        .isEqualTo(401);
    assertThat(importAs("finance532527", csv).status()).isEqualTo(403);
    assertThat(importAs("approver53", csv).status()).isEqualTo(403);
    assertThat(importAs("admin", csv).status()).isEqualTo(200);
  }

  @Test
  void chineseHeadersAndGbkFilesAsExcelSavesThem() {
    String id = Ids.of("141129", LocalDate.of(1970, 5, 6));
    String csv = "姓名,身份证号码,县代码,人员类别\r\n吴九," + id + ",141129,防止返贫监测对象\r\n";
    Http.Response response = Http.as(port, "admin", "demo").post("/api/registry/import", "text/csv",
        csv.getBytes(Charset.forName("GBK")));
    assertThat(response.json().get("imported").asInt()).isEqualTo(1);
    assertThat(jdbc.sql("select name from registry_person where id_number = ?").param(id).query(String.class)
        .single()).isEqualTo("吴九");
  }

  @Test
  void aFileWithoutHeaderIsRefusedWholeAndNamesTheMissingColumns() {
    Http.Response response = importAs("reviewer532527", Ids.of("532527", LocalDate.of(1990, 1, 1))
        + ",张三,532527,脱贫人口\n");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.json().get("errors").get(0).get("message").asText()).contains("idNumber");
  }
}
