package cn.subsidy.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.SeparateApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code SPRING_DATASOURCE_*} points the application at an external PostgreSQL and switches the embedded one off. */
class ExternalDatabaseTest {

  @Test
  void usesTheConfiguredDatabaseInsteadOfStartingItsOwn() throws Exception {
    try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
      JdbcClient externalDb = JdbcClient.create(external.getPostgresDatabase());
      externalDb.sql("create database subsidy").update();
      String url = "jdbc:postgresql://localhost:" + external.getPort() + "/subsidy";
      try (ConfigurableApplicationContext app = SeparateApplication.start(Map.of(
          "spring.datasource.url", url,
          "spring.datasource.username", "postgres",
          "spring.datasource.password", ""), "test")) {
        assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
        JdbcClient subsidyDb = JdbcClient.create(external.getDatabase("postgres", "subsidy"));
        assertThat(subsidyDb.sql("select count(*) from county").query(Long.class).single()).isEqualTo(7);
        assertThat(subsidyDb.sql("select count(*) from act_ge_property").query(Long.class).single()).isPositive();
      }
    }
  }
}
