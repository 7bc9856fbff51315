package cn.subsidy.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembered HTTP Basic logins answer as Camunda would: changes made through the engine count at once
 * on every endpoint, a change made behind this server's back (as by another server of a cluster) only
 * when the remembered login expires, and a wrong password always reaches Camunda.
 */
@IntegrationTest
class VerifiedLoginsTest {

  private static final String GROUP = "reviewers532527";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private final AtomicLong nanos = new AtomicLong();
  private String userId;

  @BeforeEach
  void createOfficial() {
    userId = "logins" + UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    User user = identity.newUser(userId);
    user.setPassword("first-Passw0rd");
    user.setEmail(userId + "@subsidy.demo");
    identity.saveUser(user);
    identity.createMembership(userId, GROUP);
  }

  @AfterEach
  void deleteOfficial() {
    identity.deleteUser(userId);
  }

  @Test
  void aPasswordChangedThroughTheEngineCountsAtOnceOnEngineRestAndTheApi() {
    assertThat(Http.as(port, userId, "first-Passw0rd").get("/engine-rest/task/count").status()).isEqualTo(200);
    assertThat(Http.as(port, userId, "first-Passw0rd").get("/api/me").status()).isEqualTo(200);

    User user = identity.createUserQuery().userId(userId).singleResult();
    user.setPassword("second-Passw0rd");
    identity.saveUser(user);

    assertThat(Http.as(port, userId, "second-Passw0rd").get("/engine-rest/task/count").status()).isEqualTo(200);
    assertThat(Http.as(port, userId, "second-Passw0rd").get("/api/me").status()).isEqualTo(200);
    assertThat(Http.as(port, userId, "first-Passw0rd").get("/engine-rest/task/count").status()).isEqualTo(401);
    assertThat(Http.as(port, userId, "first-Passw0rd").get("/api/me").status()).isEqualTo(401);
  }

  @Test
  void aMembershipRemovedThroughTheEngineCountsAtOnce() {
    VerifiedLogins logins = new VerifiedLogins(identity, Duration.ofMinutes(5), nanos::get);
    assertThat(logins.verify(userId, "first-Passw0rd").orElseThrow().groupIds()).contains(GROUP);

    identity.deleteMembership(userId, GROUP);

    assertThat(logins.verify(userId, "first-Passw0rd").orElseThrow().groupIds()).doesNotContain(GROUP);
  }

  @Test
  void aChangeBehindTheEnginesBackCountsWhenTheRememberedLoginExpires() {
    VerifiedLogins logins = new VerifiedLogins(identity, Duration.ofSeconds(30), nanos::get);
    assertThat(logins.verify(userId, "first-Passw0rd").orElseThrow().groupIds()).contains(GROUP);

    jdbc.update("delete from act_id_membership where user_id_ = ?", userId);

    nanos.addAndGet(Duration.ofSeconds(29).toNanos());
    assertThat(logins.verify(userId, "first-Passw0rd").orElseThrow().groupIds()).as("remembered").contains(GROUP);
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    assertThat(logins.verify(userId, "first-Passw0rd").orElseThrow().groupIds()).as("expired").doesNotContain(GROUP);
  }

  @Test
  void aWrongPasswordReachesCamundaWhoseLockThenRefusesEvenTheRememberedLogin() {
    VerifiedLogins logins = new VerifiedLogins(identity, Duration.ofMinutes(5), nanos::get);
    assertThat(logins.verify(userId, "first-Passw0rd")).isPresent();

    assertThat(logins.verify(userId, "guess")).isEmpty();

    // Camunda locks the user for a few seconds after a failed attempt; the remembered login is gone.
    assertThat(logins.verify(userId, "first-Passw0rd")).isEmpty();
  }

  @Test
  void withoutATimeNothingIsRemembered() {
    VerifiedLogins logins = new VerifiedLogins(identity, Duration.ZERO, nanos::get);
    assertThat(logins.verify(userId, "first-Passw0rd").orElseThrow().groupIds()).contains(GROUP);

    jdbc.update("delete from act_id_membership where user_id_ = ?", userId);

    assertThat(logins.verify(userId, "first-Passw0rd").orElseThrow().groupIds()).doesNotContain(GROUP);
  }

  @Test
  void malformedCredentialsAreRefused() {
    VerifiedLogins logins = new VerifiedLogins(identity, Duration.ofMinutes(5), nanos::get);
    assertThat(logins.basic("%%%not-base64")).isEmpty();
    assertThat(logins.basic(java.util.Base64.getEncoder().encodeToString("no-colon".getBytes()))).isEmpty();
    assertThat(logins.basic(java.util.Base64.getEncoder().encodeToString(":empty-user".getBytes()))).isEmpty();
  }
}
