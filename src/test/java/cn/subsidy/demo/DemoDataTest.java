package cn.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.county.County;
import cn.subsidy.person.IdNumber;
import cn.subsidy.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the default run loads: counties, a registry per county, officials and their groups. */
@IntegrationTest
class DemoDataTest {

  @Autowired JdbcClient jdbc;
  @Autowired IdentityService identityService;

  @Test
  void sevenDemoCountiesWithTheirProvinces() {
    List<Map<String, Object>> counties = jdbc.sql("select code, province_code, province_name from county").query()
        .listOfRows();
    assertThat(counties).extracting(c -> c.get("code"))
        .contains("532527", "520181", "450225", "141129", "140821", "620823", "420526");
    assertThat(counties).allSatisfy(c -> assertThat((String) c.get("code")).startsWith((String) c.get("province_code")));
  }

  @Test
  void registryOfAtLeastFortyValidPeoplePerCounty() {
    LocalDate today = LocalDate.now();
    for (County county : DemoCounties.ALL) {
      List<Map<String, Object>> people = jdbc.sql("select id_number, name, category from registry_person"
          + " where county_code = ?").param(county.code()).query().listOfRows();
      assertThat(people).as(county.name()).hasSizeGreaterThanOrEqualTo(40);
      List<IdNumber> ids = people.stream().map(p -> IdNumber.parse((String) p.get("id_number"), today)).toList();
      assertThat(ids).allSatisfy(id -> assertThat(id.ageOn(today)).isBetween(16, 70));
      assertThat(ids).anyMatch(IdNumber::isMale).anyMatch(id -> !id.isMale());
      assertThat(people).anyMatch(p -> p.get("category").equals("MONITORED"))
          .anyMatch(p -> p.get("category").equals("ALLEVIATED"));
    }
  }

  @Test
  void contractUsersExistInTheirGroups() {
    Map<String, List<String>> expected = Map.of(
        "reviewer532527", List.of("reviewers", "reviewers532527"),
        "reviewer520181", List.of("reviewers", "reviewers520181"),
        "approver53", List.of("approvers", "approvers53"),
        "approver52", List.of("approvers", "approvers52"),
        "finance532527", List.of("financestaff", "financestaff532527"),
        "finance520181", List.of("financestaff", "financestaff520181"),
        "designer", List.of("designers"),
        "admin", List.of("camunda-admin"));
    expected.forEach((user, groups) -> {
      assertThat(identityService.checkPassword(user, "demo")).as(user).isTrue();
      List<String> actual = identityService.createGroupQuery().groupMember(user).list().stream()
          .map(g -> g.getId()).toList();
      assertThat(actual).as(user).containsAll(groups);
    });
  }

  @Test
  void everyCountyHasItsGroupsAndEveryProvinceItsApprovers() {
    for (County county : DemoCounties.ALL) {
      for (String group : List.of("reviewers" + county.code(), "supervisors" + county.code(),
          "financestaff" + county.code(), "approvers" + county.provinceCode())) {
        assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
      }
    }
  }
}
