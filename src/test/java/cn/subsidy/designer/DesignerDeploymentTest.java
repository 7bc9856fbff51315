package cn.subsidy.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process designer deploys from Camunda Modeler: the {@code designer} user sends the model, its
 * decision table and its form to {@code /engine-rest/deployment/create} exactly as Modeler does. New
 * applications start on the new version with the new amounts and form; an application started before
 * keeps the amounts and the form of its own version (binding "deployment"). The designer sees models,
 * never an applicant's data.
 */
@IntegrationTest
class DesignerDeploymentTest {

  private static final String NEW_LABEL = "审核结论（2027版）/ Decision (2027)";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;

  @Test
  void designerDeploysModelDecisionTableAndFormTogetherAndOnlyNewApplicationsUseThem() throws IOException {
    TransportApplications applications = new TransportApplications(port, taskService);
    ProcessDefinition current = latestTransport();
    Http designer = Http.as(port, "designer", "demo");
    ModelerDeployment deployment = new ModelerDeployment("transport-subsidy")
        .diagram("transport-subsidy.bpmn", read("processes/transport-subsidy.bpmn")
            .replace("Transportation subsidy (一次性交通补助)", "Transportation subsidy (一次性交通补助), rules of 2027"))
        .attach("transport-amount.dmn", read("processes/transport-amount.dmn").replaceFirst(
            "(<outputEntry id=\"Rule_Default_OTHER_PROVINCE_out1\">\\s*<text>)500(</text>)", "$1520$2"))
        .attach("county-review.form", read("forms/county-review.form").replace("审核结论 / Decision", NEW_LABEL));
    String earlier;
    Http.Response response;
    // The earlier application waits before its eligibility check until the new version is deployed, so
    // it meets the decision table only then: it must still get the amount of its own version.
    managementService.suspendJobDefinitionByProcessDefinitionId(current.getId(), true);
    try {
      earlier = applications.submit();
      // Camunda Modeler checks the endpoint and the engine's version before it deploys.
      assertThat(designer.get("/engine-rest/deployment?maxResults=0").status()).isEqualTo(200);
      assertThat(designer.get("/engine-rest/version").status()).isEqualTo(200);
      response = deployment.deploy(designer);
    } finally {
      managementService.activateJobDefinitionByProcessDefinitionId(current.getId(), true);
    }
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String deploymentId = response.json().get("id").asText();
    try {
      ProcessDefinition deployed = latestTransport();
      assertThat(deployed.getDeploymentId()).isEqualTo(deploymentId);
      assertThat(deployed.getVersion()).isEqualTo(current.getVersion() + 1);
      assertThat(response.json().get("deployedDecisionDefinitions").toString()).contains("\"key\":\"transportAmount\"");

      // Deploying the same files again (Modeler's duplicate filtering) creates nothing new.
      Http.Response again = deployment.deploy(designer);
      assertThat(again.status()).isEqualTo(200);
      assertThat(latestTransport().getId()).isEqualTo(deployed.getId());
      assertThat(repositoryService.createDeploymentQuery().deploymentName("transport-subsidy").count()).isEqualTo(1);

      String later = applications.submit();
      Task laterReview = applications.awaitTask(later, "Task_CountyReview");
      Task earlierReview = applications.awaitTask(earlier, "Task_CountyReview");
      assertThat(laterReview.getProcessDefinitionId()).isEqualTo(deployed.getId());
      assertThat(earlierReview.getProcessDefinitionId()).isEqualTo(current.getId());
      assertThat(applications.view(later).get("amount").decimalValue()).isEqualByComparingTo("520");
      assertThat(applications.view(earlier).get("amount").decimalValue()).isEqualByComparingTo("500");

      Http reviewer = Http.as(port, TransportApplications.REVIEWER, "demo");
      assertThat(reviewer.get("/engine-rest/task/" + laterReview.getId() + "/deployed-form").body()).contains(NEW_LABEL);
      Http.Response earlierForm = reviewer.get("/engine-rest/task/" + earlierReview.getId() + "/deployed-form");
      assertThat(earlierForm.status()).isEqualTo(200);
      assertThat(earlierForm.body()).contains("审核结论 / Decision").doesNotContain(NEW_LABEL);
      applications.complete(earlierReview, TransportApplications.REVIEWER,
          Map.of("countyDecision", "REJECT", "countyComment", "测试结束 / end of test"));
    } finally {
      // Back to the project's own version for the other tests of this context.
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void aModelWithoutTheFormAndDecisionTableItBindsIsRefused() throws IOException {
    String before = latestTransport().getId();
    Http.Response refused = new ModelerDeployment("transport-subsidy")
        .diagram("transport-subsidy.bpmn", read("processes/transport-subsidy.bpmn")).deploy(designer());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText())
        .contains("Task_CountyReview binds form 'countyReview' to this deployment: select its .form file too")
        .contains("Task_CalculateAmount binds decision 'transportAmount' to this deployment: select its .dmn file too");
    assertThat(latestTransport().getId()).isEqualTo(before);
  }

  @Test
  void aDecisionTableWithoutTheModelThatBindsItIsRefused() throws IOException {
    long versions = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("transportAmount").count();
    Http.Response refused = new ModelerDeployment("transport-amount")
        .diagram("transport-amount.dmn", read("processes/transport-amount.dmn").replace(">500<", ">510<"))
        .deploy(designer());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).contains("Decision 'transportAmount' is bound to the deployment"
        + " of processes/transport-subsidy.bpmn (transportSubsidy): alone it changes no application");
    assertThat(repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("transportAmount").count())
        .isEqualTo(versions);
  }

  @Test
  void aStepCallingCodeTheApplicationLacksOrAnUnknownStatusIsRefused() throws IOException {
    String before = latestTransport().getId();
    Http.Response refused = new ModelerDeployment("transport-subsidy")
        .diagram("transport-subsidy.bpmn", read("processes/transport-subsidy.bpmn")
            .replace("${recordAmount}", "${recordTheAmount}").replace("\"UNDER_REVIEW\"", "\"IN_REVIEW\""))
        .attach("transport-amount.dmn", read("processes/transport-amount.dmn"))
        .attach("county-review.form", read("forms/county-review.form"))
        .deploy(designer());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("message").asText())
        .contains("Task_RecordAmount calls ${recordTheAmount}, which the application does not have")
        .contains("the status 'IN_REVIEW' of Task_CountyReview is no application status");
    assertThat(latestTransport().getId()).isEqualTo(before);
  }

  @Test
  void designerReadsModelsButNoApplicantsData() {
    TransportApplications applications = new TransportApplications(port, taskService);
    String applicationNo = applications.submit();
    Task review = applications.awaitTask(applicationNo, "Task_CountyReview");
    String instance = review.getProcessInstanceId();
    Http admin = Http.as(port, "admin", "demo");
    Http designer = Http.as(port, "designer", "demo");

    for (String list : List.of("/engine-rest/process-instance?businessKey=" + applicationNo,
        "/engine-rest/execution?businessKey=" + applicationNo,
        "/engine-rest/task?processInstanceBusinessKey=" + applicationNo,
        "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + applicationNo,
        "/engine-rest/history/activity-instance?processInstanceId=" + instance,
        "/engine-rest/history/task?processInstanceBusinessKey=" + applicationNo,
        "/engine-rest/history/variable-instance?processInstanceId=" + instance,
        "/engine-rest/history/detail?processInstanceId=" + instance,
        "/engine-rest/history/decision-instance?processInstanceId=" + instance + "&includeInputs=true")) {
      assertThat(admin.get(list).json()).as("admin: " + list).isNotEmpty();
      Http.Response seen = designer.get(list);
      assertThat(seen.status()).as(list).isEqualTo(200);
      assertThat(seen.json()).as("designer: " + list).isEmpty();
    }
    for (String single : List.of("/engine-rest/process-instance/" + instance,
        "/engine-rest/process-instance/" + instance + "/variables",
        "/engine-rest/task/" + review.getId(), "/engine-rest/task/" + review.getId() + "/variables",
        "/engine-rest/history/process-instance/" + instance, "/api/applications/" + applicationNo)) {
      assertThat(designer.get(single).status()).as(single).isIn(403, 404);
    }
    assertThat(designer.get("/engine-rest/process-definition/key/transportSubsidy/xml").status()).isEqualTo(200);
    assertThat(designer.get("/engine-rest/decision-definition/key/transportAmount/xml").status()).isEqualTo(200);
    assertThat(designer.get("/engine-rest/deployment").json()).isNotEmpty();
    // A designer starts no instance (there would be no application behind it) and deletes no deployment.
    assertThat(designer.postJson("/engine-rest/process-definition/key/transportSubsidy/start", Map.of()).status())
        .isEqualTo(403);
    String someDeployment = latestTransport().getDeploymentId();
    assertThat(designer.delete("/engine-rest/deployment/" + someDeployment).status()).isEqualTo(403);
    assertThat(Http.anonymous(port).loginToWebapp("cockpit", "designer", "demo").status()).isEqualTo(200);

    applications.complete(review, TransportApplications.REVIEWER,
        Map.of("countyDecision", "REJECT", "countyComment", "测试结束 / end of test"));
  }

  private Http designer() {
    return Http.as(port, "designer", "demo");
  }

  private ProcessDefinition latestTransport() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("transportSubsidy").latestVersion()
        .singleResult();
  }

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }
}
