package cn.subsidy.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /engine-rest} shares one configured ObjectMapper and still answers in Camunda's format. */
@IntegrationTest
class EngineRestResourcesTest {

  @LocalServerPort int port;
  @Autowired CamundaJerseyResourceConfig resources;

  @Test
  void oneConfiguredMapperServesEveryRequest() {
    assertThat(resources.getClasses()).contains(EngineRestResources.SharedObjectMapper.class)
        .doesNotContain(JacksonConfigurator.class);
    EngineRestResources.SharedObjectMapper resolver = new EngineRestResources.SharedObjectMapper();
    assertThat(resolver.getContext(TaskDto.class)).isSameAs(resolver.getContext(JsonNode.class));
  }

  @Test
  void datesKeepCamundasFormat() {
    JsonNode deployments = Http.as(port, "admin", "demo").get("/engine-rest/deployment?maxResults=1").json();
    assertThat(deployments.get(0).get("deploymentTime").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
  }
}
