package cn.subsidy.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine runs our task query and group look-up, and the copy of Camunda's mapping is faithful. */
@IntegrationTest
class TaskQueryMappingTest {

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired JdbcClient jdbc;

  @Test
  void theEngineCountsAndListsTasksWithOurMapping() {
    var mybatis = engine.getSqlSessionFactory().getConfiguration();
    for (String statement : List.of("selectTaskCountByQueryCriteria", "selectTaskByQueryCriteria")) {
      assertThat(mybatis.getMappedStatement(statement).getResource()).contains(TaskQueryMapping.TASK_MAPPING);
    }
  }

  /**
   * Camunda's Task.xml, less the six lines of its authorization join, is contained line by line, in
   * order, in ours: nothing else was dropped or changed (and a Camunda with another Task.xml fails here).
   */
  @Test
  void ourTaskMappingIsCamundasWithoutTheAuthorizationJoin() {
    // Two property names are spelled as the getters' properties (see Task.xml), with the same meaning.
    List<String> camunda = lines(TaskQueryMapping.read(TaskQueryMapping.CAMUNDA_TASK_MAPPING)).stream()
        .map(line -> line.replace("query.isOrQueryActive", "query.orQueryActive")
            .replace("query.isWithoutTenantId", "query.withoutTenantId")).toList();
    List<String> ours = lines(TaskQueryMapping.read(TaskQueryMapping.TASK_MAPPING));
    int on = camunda.indexOf(camunda.stream().filter(line -> line.startsWith("AUTH ON (")).findFirst().orElseThrow());
    List<String> join = camunda.subList(on - 3, on + 3);
    assertThat(join.get(0)).isEqualTo("<if test=\"authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null\">");
    assertThat(join.get(2)).contains("authCheckJoinWithoutOnClause");
    List<String> kept = new ArrayList<>(camunda.subList(0, on - 3));
    kept.addAll(camunda.subList(on + 3, camunda.size()));
    int next = 0;
    for (String line : ours) {
      if (next < kept.size() && line.equals(kept.get(next))) {
        next++;
      }
    }
    assertThat(next).as("Camunda's lines found in order; the first missing: %s",
        next < kept.size() ? kept.get(next) : "none").isEqualTo(kept.size());
    assertThat(ours).doesNotContain(join.get(2), join.get(3));
  }

  /** A count collects distinct tasks only when a join can repeat one (see TaskAuthorizationCheckTest). */
  @Test
  void countsRowsUnlessAJoinCanRepeatATask() {
    assertThat(countSql(engine.getTaskService().createTaskQuery())).startsWith("select count(*)")
        .doesNotContainIgnoringCase("distinct");
    assertThat(countSql(engine.getTaskService().createTaskQuery().processDefinitionKey("subsidy")
        .orderByTaskCreateTime().desc())).startsWith("select count(*)");
    assertThat(countSql(engine.getTaskService().createTaskQuery().taskCandidateGroup("reviewers")))
        .startsWith("select count(*)").containsIgnoringCase("EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I")
        .doesNotContainIgnoringCase("join ACT_RU_IDENTITYLINK");
    assertThat(countSql(engine.getTaskService().createTaskQuery().taskCandidateGroup("reviewers").or()
        .taskCandidateGroup("approvers").taskAssignee("someone").endOr()))
        .containsIgnoringCase("select distinct RES.ID_").containsIgnoringCase("left join ACT_RU_IDENTITYLINK I");
    assertThat(countSql(engine.getTaskService().createTaskQuery().taskInvolvedUser("someone")))
        .containsIgnoringCase("select distinct RES.ID_");
    assertThat(countSql(engine.getTaskService().createTaskQuery()
        .orderByProcessVariable("x", ValueType.INTEGER).asc())).containsIgnoringCase("select distinct RES.ID_");
  }

  /** The definitions are joined for a query's conditions on them, not for the authorization check. */
  @Test
  void joinsTheProcessDefinitionsOnlyForTheQuerysOwnConditions() {
    engine.getIdentityService().setAuthentication("someone", List.of("reviewers"));
    try {
      String count = countSql(engine.getTaskService().createTaskQuery(), true);
      assertThat(count).doesNotContainIgnoringCase("ACT_RE_PROCDEF D").contains("RES.PROC_DEF_ID_ IS NOT NULL")
          .contains("RES.PROC_DEF_ID_ IN ( SELECT P.ID_ FROM ACT_RE_PROCDEF P");
      assertThat(countSql(engine.getTaskService().createTaskQuery().processDefinitionKey("subsidy"), true))
          .containsIgnoringCase("join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private String countSql(TaskQuery query) {
    return countSql(query, false);
  }

  /** The count's SQL; {@code authorized}: with the current user's authorization check, as the engine runs it. */
  private String countSql(TaskQuery query, boolean authorized) {
    return engine.getCommandExecutorTxRequired().execute(context -> {
      if (authorized) {
        context.getAuthorizationManager().configureTaskQuery((TaskQueryImpl) query);
      }
      return engine.getSqlSessionFactory().getConfiguration().getMappedStatement("selectTaskCountByQueryCriteria")
          .getBoundSql(query).getSql().strip().replaceAll("\\s+", " ");
    });
  }

  @Test
  void theGroupsWithAuthorizationsAreReadThroughTheIndexAndAreCamundas() {
    Set<String> expected = Set.copyOf(jdbc.sql(
        "select distinct group_id_ from act_ru_authorization where group_id_ is not null").query(String.class).list());
    assertThat(expected).contains("camunda-admin");
    engine.getCommandExecutorTxRequired().execute(context -> {
      AuthorizationManager manager = context.getAuthorizationManager();
      assertThat(manager).isInstanceOf(AuthorizedGroupsManager.class);
      List<String> candidates = new ArrayList<>(expected);
      candidates.add("aGroupWithoutAuthorizations");
      assertThat(manager.filterAuthenticatedGroupIds(candidates)).containsExactlyInAnyOrderElementsOf(expected);
      return null;
    });
  }

  @Test
  void anOfficialsFewGroupsAreTakenAsTheyAreWithoutReadingTheGroupsThatHoldAuthorizations() {
    List<String> groups = new ArrayList<>(List.of("reviewers532527", "aGroupWithoutAuthorizations", "reviewers532527"));
    groups.add(null);
    // No command context: reading the groups that hold authorizations would fail here.
    assertThat(new AuthorizedGroupsManager().filterAuthenticatedGroupIds(groups))
        .containsExactly("reviewers532527", "aGroupWithoutAuthorizations");

    var identity = engine.getIdentityService();
    try {
      identity.setAuthentication("reviewer532527", List.of("reviewers532527"));
      long alone = engine.getTaskService().createTaskQuery().count();
      identity.setAuthentication("reviewer532527", List.of("reviewers532527", "aGroupWithoutAuthorizations"));
      assertThat(engine.getTaskService().createTaskQuery().count()).isEqualTo(alone);
    } finally {
      identity.clearAuthentication();
    }
  }

  private static List<String> lines(String xml) {
    return xml.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
