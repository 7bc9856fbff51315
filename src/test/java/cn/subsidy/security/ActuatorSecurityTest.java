package cn.subsidy.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health and metrics are open for monitoring; the rest of actuator is for administrators. */
@IntegrationTest
class ActuatorSecurityTest {

  @LocalServerPort int port;

  @Test
  void healthWithProbesIsOpen() {
    Http anonymous = Http.anonymous(port);
    assertThat(anonymous.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.get("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.get("/actuator/health/readiness").json().get("status").asText()).isEqualTo("UP");
  }

  @Test
  void prometheusMetricsAreOpen() {
    Http.Response metrics = Http.anonymous(port).get("/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
  }

  @Test
  void everythingElseNeedsTheAdministrator() {
    assertThat(Http.anonymous(port).get("/actuator/env").status()).isEqualTo(401);
    assertThat(Http.as(port, "reviewer532527", "demo").get("/actuator/env").status()).isEqualTo(403);
    assertThat(Http.as(port, "supervisor420526", "wrong").get("/actuator/env").status()).isEqualTo(401);
    assertThat(Http.as(port, "admin", "demo").get("/actuator/env").status()).isEqualTo(200);
    assertThat(Http.anonymous(port).get("/actuator/loggers").status()).isEqualTo(401);
    assertThat(Http.anonymous(port).get("/actuator").status()).isEqualTo(401);
  }
}
