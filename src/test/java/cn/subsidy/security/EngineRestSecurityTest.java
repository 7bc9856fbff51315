package cn.subsidy.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The security baseline of the engine's REST API and webapps, and the two published 7.24 weaknesses. */
@IntegrationTest
class EngineRestSecurityTest {

  private static final Map<String, Object> EXPRESSION_IN_OR_QUERY =
      Map.of("orQueries", List.of(Map.of("assigneeExpression", "${''.getClass().forName('java.lang.Runtime')}")));

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  @Test
  void engineRestNeedsBasicAuthentication() {
    Http.Response anonymous = Http.anonymous(port).get("/engine-rest/user");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    // A wrong password also locks the user for a few seconds (Camunda's login throttling), so this
    // uses a user no other test needs.
    assertThat(Http.as(port, "supervisor141129", "wrong").get("/engine-rest/user").status()).isEqualTo(401);
    assertThat(Http.as(port, "admin", "demo").get("/engine-rest/user").status()).isEqualTo(200);
  }

  @Test
  void authorizationIsEnabled() {
    assertThat(Http.as(port, "reviewer532527", "demo").get("/engine-rest/authorization/check"
        + "?permissionName=READ&resourceName=task&resourceType=4").status()).isEqualTo(200);
    // An official may not read other users' data or create users.
    assertThat(Http.as(port, "reviewer532527", "demo").get("/engine-rest/user?id=admin").json()).isEmpty();
    assertThat(Http.as(port, "reviewer532527", "demo").postJson("/engine-rest/user/create",
        Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "x"))).status()).isEqualTo(403);
  }

  @Test
  void expressionsInOrQueriesAreRejectedOnEngineRest() {
    Http reviewer = Http.as(port, "reviewer532527", "demo");
    Http.Response rejected = reviewer.postJson("/engine-rest/task", EXPRESSION_IN_OR_QUERY);
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(rejected.json().get("message").asText()).contains("orQueries");
    assertThat(reviewer.postJson("/engine-rest/task/count", EXPRESSION_IN_OR_QUERY).status()).isEqualTo(400);
    // Nested in a filter's extending query, too.
    assertThat(reviewer.postJson("/engine-rest/filter/any/list", EXPRESSION_IN_OR_QUERY).status()).isEqualTo(400);
    // A plain or-query still works.
    assertThat(reviewer.postJson("/engine-rest/task",
        Map.of("orQueries", List.of(Map.of("assignee", "x", "name", "y")))).status()).isEqualTo(200);
  }

  @Test
  void expressionsInOrQueriesAreRejectedOnTheWebappApi() {
    Http tasklist = Http.anonymous(port);
    tasklist.loginToWebapp("tasklist", "reviewer532527", "demo");
    Http.Response rejected = tasklist.postJson("/camunda/api/engine/engine/default/task", EXPRESSION_IN_OR_QUERY);
    assertThat(rejected.status()).isEqualTo(400);
    assertThat(tasklist.postJson("/camunda/api/engine/engine/default/task",
        Map.of("orQueries", List.of(Map.of("assignee", "x")))).status()).isEqualTo(200);
  }

  @Test
  void administratorGroupAlwaysKeepsADirectMember() {
    Http admin = Http.as(port, "admin", "demo");
    Http.Response removal = admin.delete("/engine-rest/group/camunda-admin/members/admin");
    assertThat(removal.status()).isEqualTo(400);
    assertThat(removal.json().get("message").asText()).contains("last member");
    assertThat(admin.delete("/engine-rest/user/admin").status()).isEqualTo(400);
    assertThat(admin.delete("/engine-rest/group/camunda-admin").status()).isEqualTo(400);
    assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isGreaterThan(0);
  }

  @Test
  void anonymousFirstAdminSetupIsClosed() {
    Http.Response setup = Http.anonymous(port).postJson("/camunda/api/admin/setup/default/user/create",
        Map.of("profile", Map.of("id", "intruder"), "credentials", Map.of("password", "intruder")));
    assertThat(setup.status()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }
}
