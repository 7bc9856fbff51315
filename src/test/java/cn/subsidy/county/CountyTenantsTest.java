package cn.subsidy.county;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each county is a tenant: its applications' processes and tasks belong to it, its officials to it. */
@IntegrationTest
class CountyTenantsTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired CountyTenants tenants;

  @BeforeEach
  void on() {
    journeys.on(port);
  }

  private String underReview(String county) {
    String no = journeys.submit(Journeys.transport(journeys.newPerson(county),
        LocalDate.now(Journeys.BEIJING).minusMonths(5), "OTHER_PROVINCE"));
    journeys.awaitStatus(no, ApplicationStatus.UNDER_REVIEW);
    return no;
  }

  @Test
  void everyProcessOfAnApplicationItsTasksAndDecisionsBelongToItsCounty() {
    String no = underReview("141129");
    assertThat(journeys.task(no, "Task_CountyReview").getTenantId()).isEqualTo("141129");
    journeys.approveThroughProvince(no, "reviewer141129", "approver14");

    List<HistoricProcessInstance> processes = history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(no).list();
    assertThat(processes).extracting(HistoricProcessInstance::getProcessDefinitionKey)
        .contains("transportSubsidy", "publicNotice", "provinceApproval");
    assertThat(processes).extracting(HistoricProcessInstance::getTenantId).containsOnly("141129");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(no).list())
        .extracting(HistoricTaskInstance::getTenantId).containsOnly("141129");
    String root = processes.stream().filter(p -> p.getSuperProcessInstanceId() == null).findFirst().orElseThrow()
        .getId();
    assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(root).list()).isNotEmpty()
        .allSatisfy(decision -> assertThat(decision.getTenantId()).isEqualTo("141129"));
  }

  @Test
  void officialsBelongToTheirCountysTenantsThroughTheirGroups() {
    assertThat(tenantsOf("reviewer532527")).containsExactly("532527");
    assertThat(tenantsOf("finance450225")).containsExactly("450225");
    assertThat(tenantsOf("supervisor620823")).containsExactly("620823");
    assertThat(tenantsOf("approver14")).containsExactlyInAnyOrder("140821", "141129");
    assertThat(tenantsOf("designer")).isEmpty();
    assertThat(identity.createTenantQuery().tenantId("532527").singleResult().getName()).isEqualTo("泸西县");
  }

  private List<String> tenantsOf(String user) {
    return identity.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
        .map(Tenant::getId).toList();
  }

  @Test
  void aTaskGrantedToAnotherCountysOfficialByMistakeStaysOutOfTheirSight() {
    String no = underReview("532527");
    String task = journeys.task(no, "Task_CountyReview").getId();
    Authorization mistake = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    mistake.setUserId("reviewer520181");
    mistake.setResource(Resources.TASK);
    mistake.setResourceId(task);
    mistake.addPermission(Permissions.READ);
    mistake.addPermission(Permissions.UPDATE);
    String mistakeId = authorizations.saveAuthorization(mistake).getId();
    try {
      Http other = Http.as(port, "reviewer520181", "demo");
      assertThat(ids(other.get("/engine-rest/task").json())).doesNotContain(task);
      assertThat(other.get("/engine-rest/task/count").json().get("count").asLong())
          .isEqualTo(ids(other.get("/engine-rest/task?maxResults=1000").json()).size());
      assertThat(other.get("/engine-rest/task/" + task).status()).isEqualTo(404);
      Http.Response claim = other.postJson("/engine-rest/task/" + task + "/claim", Map.of("userId", "reviewer520181"));
      assertThat(claim.status()).as(claim.body()).isEqualTo(403);
      assertThat(claim.json().get("message").asText()).contains("county you do not work for");
      assertThat(other.postJson("/engine-rest/task/" + task + "/complete", Map.of()).status()).isEqualTo(403);
      assertThat(journeys.task(no, "Task_CountyReview").getAssignee()).isNull();
    } finally {
      authorizations.deleteAuthorization(mistakeId);
    }
    assertThat(ids(Http.as(port, "reviewer532527", "demo").get("/engine-rest/task?maxResults=1000").json()))
        .contains(task);
  }

  @Test
  void aCountyRegisteredBeforeCountiesWereTenantsGetsItsTenantAtTheNextStart() {
    Http admin = Http.as(port, "admin", "demo");
    assertThat(admin.putJson("/api/admin/counties/130105", Map.of("name", "新华区", "prefecture", "石家庄市",
        "provinceName", "河北省")).status()).isEqualTo(200);
    assertThat(identity.createTenantQuery().tenantId("130105").singleResult().getName()).isEqualTo("新华区");
    assertThat(identity.createTenantQuery().groupMember("approvers13").tenantId("130105").count()).isEqualTo(1);

    List<String> groups = List.of("reviewers130105", "supervisors130105", "financestaff130105", "approvers13");
    for (String group : groups) {
      identity.deleteTenantGroupMembership("130105", group);
    }
    identity.deleteTenant("130105");
    tenants.run(null);

    Tenant remade = identity.createTenantQuery().tenantId("130105").singleResult();
    assertThat(remade.getName()).isEqualTo("新华区");
    List<String> members = new ArrayList<>();
    for (String group : groups) {
      members.add(group + "=" + identity.createTenantQuery().groupMember(group).tenantId("130105").count());
    }
    assertThat(members).containsExactly("reviewers130105=1", "supervisors130105=1", "financestaff130105=1",
        "approvers13=1");

    assertThat(admin.putJson("/api/admin/counties/130105", Map.of("name", "新华区（石家庄）", "prefecture", "石家庄市",
        "provinceName", "河北省")).status()).isEqualTo(200);
    assertThat(identity.createTenantQuery().tenantId("130105").singleResult().getName()).isEqualTo("新华区（石家庄）");
  }

  private static List<String> ids(JsonNode tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.get("id").asText()));
    return ids;
  }
}
