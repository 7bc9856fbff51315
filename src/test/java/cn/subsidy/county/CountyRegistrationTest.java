package cn.subsidy.county;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.Ids;
import cn.subsidy.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code PUT /api/admin/counties/{code}}: how a production installation gets its counties. */
@IntegrationTest
class CountyRegistrationTest {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @Test
  void anAdministratorRegistersACountyWithItsGroupsAndItsRegistryCanBeImported() {
    Http admin = Http.as(port, "admin", "demo");
    Http.Response registered = admin.putJson("/api/admin/counties/130102", Map.of("name", "长安区",
        "prefecture", "石家庄市", "provinceName", "河北省", "contact", "长安区人社局 0311-00000000"));
    assertThat(registered.status()).isEqualTo(200);
    assertThat(registered.json().get("provinceCode").asText()).isEqualTo("13");
    assertThat(identityService.createGroupQuery().groupIdIn("reviewers130102", "supervisors130102",
        "financestaff130102", "approvers13").count()).isEqualTo(4);
    assertThat(Http.anonymous(port).get("/api/counties").body()).contains("130102").contains("长安区");

    String person = Ids.of("130102", LocalDate.of(1988, 8, 8));
    JsonNode imported = admin.post("/api/registry/import", "text/csv; charset=utf-8",
        ("idNumber,name,countyCode,category\n" + person + ",周八,130102,脱贫人口\n").getBytes(StandardCharsets.UTF_8))
        .json();
    assertThat(imported.get("imported").asInt()).isEqualTo(1);

    Http.Response renamed = admin.putJson("/api/admin/counties/130102", Map.of("name", "长安区",
        "prefecture", "石家庄市", "provinceName", "河北省", "contact", "新电话 0311-11111111"));
    assertThat(renamed.json().get("contact").asText()).isEqualTo("新电话 0311-11111111");
  }

  @Test
  void badInputNamesEveryProblemAndOnlyAdministratorsMayRegister() {
    Http.Response bad = Http.as(port, "admin", "demo").putJson("/api/admin/counties/13", Map.of("name", " "));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText())
        .containsExactlyInAnyOrder("code", "name", "prefecture", "provinceName");
    assertThat(Http.anonymous(port).get("/api/counties").body()).doesNotContain("\"13\"");

    Map<String, String> county = Map.of("name", "桥西区", "prefecture", "石家庄市", "provinceName", "河北省");
    assertThat(Http.as(port, "reviewer532527", "demo").putJson("/api/admin/counties/130104", county).status())
        .isEqualTo(403);
    assertThat(Http.anonymous(port).putJson("/api/admin/counties/130104", county).status()).isEqualTo(401);
    assertThat(identityService.createGroupQuery().groupId("reviewers130104").count()).isZero();
  }
}
