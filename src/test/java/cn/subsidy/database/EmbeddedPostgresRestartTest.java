package cn.subsidy.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.SeparateApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/** The default run keeps its data: stop the application, start it again, everything is still there. */
class EmbeddedPostgresRestartTest {

  @TempDir Path dataRoot;

  @Test
  void processInstancesAndApplicationDataSurviveARestart() throws Exception {
    Path data = dataRoot.resolve("postgres");
    Map<String, Object> properties = Map.of(
        "subsidy.embedded-postgres.data-directory", data.toString(),
        "subsidy.embedded-postgres.clean-data-directory", false,
        "subsidy.embedded-postgres.durable", true);
    String instanceId;
    try (ConfigurableApplicationContext first = SeparateApplication.start(properties, "test")) {
      first.getBean(RepositoryService.class).createDeployment().name("restart-test")
          .addClasspathResource("test-models/scoped-review.bpmn").deploy();
      instanceId = first.getBean(RuntimeService.class)
          .startProcessInstanceByKey("scopedReviewTest", "RESTART-1", Map.of("countyCode", "532527")).getId();
      first.getBean(JdbcClient.class).sql("update county set contact = 'kept across restarts' where code = '532527'")
          .update();
    }
    assertThat(Files.exists(data.resolve("postmaster.pid"))).as("PostgreSQL stopped with the application").isFalse();

    try (ConfigurableApplicationContext second = SeparateApplication.start(properties, "test")) {
      assertThat(second.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instanceId)
          .singleResult().getBusinessKey()).isEqualTo("RESTART-1");
      assertThat(second.getBean(JdbcClient.class).sql("select contact from county where code = '532527'")
          .query(String.class).single()).isEqualTo("kept across restarts");
      assertThat(second.getBean(JdbcClient.class).sql("select count(*) from registry_person")
          .query(Long.class).single()).isGreaterThanOrEqualTo(7 * 40);
    } finally {
      FileSystemUtils.deleteRecursively(data);
    }
  }
}
