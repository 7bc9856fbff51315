package cn.subsidy.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import cn.subsidy.support.IntegrationTest;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.ibatis.builder.xml.XMLConfigBuilder;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query of {@link TaskQueryMapping} lets a user see and count exactly the tasks that Camunda's
 * own mapping lets through. Each query runs twice on the same database: through the engine (our
 * mapping) and through Camunda's unchanged mappings with the very same configured query object. The
 * tasks are spread over two counties and granted in every way Camunda's check knows: to a group, to the
 * user, to every user ('*' as user), on every task ('*' as resource), on the process definition
 * (READ_TASK), with permissions other than READ, and with a revoke.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskAuthorizationCheckTest {

  private static final String PROCESS = "taskAuthorizationCheck";

  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired DataSource dataSource;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;

  private SqlSessionFactory camunda;
  private String deploymentId;
  private final List<String> countyA = new ArrayList<>();
  private final List<String> countyB = new ArrayList<>();
  private final List<String> authorizationIds = new ArrayList<>();

  @BeforeAll
  void tasksOfTwoCountiesAndGrantsOfEveryKind() throws Exception {
    camunda = camundasOwnMappings();
    deploymentId = repository.createDeployment().addModelInstance(PROCESS + ".bpmn",
        Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("review").camundaCandidateGroups("${group}").endEvent().done())
        .deploy().getId();
    for (int i = 0; i < 3; i++) {
      countyA.add(start("testCountyA"));
    }
    for (int i = 0; i < 2; i++) {
      countyB.add(start("testCountyB"));
    }
    grant(AUTH_TYPE_GRANT, "user", "userOnTask", Resources.TASK, countyB.get(0), Permissions.READ);
    grant(AUTH_TYPE_GLOBAL, "user", "*", Resources.TASK, countyB.get(1), Permissions.READ);
    grant(AUTH_TYPE_GRANT, "user", "userOnDefinition", Resources.PROCESS_DEFINITION, PROCESS,
        Permissions.READ_TASK);
    grant(AUTH_TYPE_GRANT, "group", "allTasks", Resources.TASK, "*", Permissions.READ);
    grant(AUTH_TYPE_GRANT, "user", "updateOnly", Resources.TASK, countyA.get(0), Permissions.UPDATE);
    grant(AUTH_TYPE_GRANT, "user", "definitionWithoutReadTask", Resources.PROCESS_DEFINITION, PROCESS,
        Permissions.READ);
    // Camunda matches a grant's resource id with the task id, the definition key and '*' whatever
    // its resource type: a task grant named like the definition key lets all its tasks through.
    grant(AUTH_TYPE_GRANT, "user", "taskGrantOnKey", Resources.TASK, PROCESS, TaskPermissions.READ);
    grant(AUTH_TYPE_REVOKE, "user", "revoked", Resources.TASK, countyA.get(1), Permissions.READ);
  }

  @AfterAll
  void removeThem() {
    authorizationIds.forEach(authorizations::deleteAuthorization);
    repository.deleteDeployment(deploymentId, true);
  }

  @Test
  void eachUserSeesAndCountsExactlyWhatCamundaLetsThrough() {
    String everyone = countyB.get(1); // granted to '*'
    expect("reviewerA", List.of("testCountyA"), plus(countyA, everyone));
    expect("reviewerB", List.of("testCountyB"), countyB);
    expect("reviewerAB", List.of("testCountyA", "testCountyB"), all());
    expect("nobody", List.of(), List.of(everyone));
    expect("userOnTask", List.of(), List.of(countyB.get(0), everyone));
    expect("userOnTask", List.of("testCountyA"), all());
    expect("userOnDefinition", List.of(), all());
    expect("someone", List.of("allTasks"), all());
    expect("updateOnly", List.of(), List.of(everyone));
    expect("definitionWithoutReadTask", List.of(), List.of(everyone));
    expect("taskGrantOnKey", List.of(), all());
    expect("revoked", List.of("testCountyA"), List.of(countyA.get(0), countyA.get(2), everyone));
  }

  @Test
  void tasklistFiltersAndSortingCountTheSameAsCamunda() {
    identity.setAuthentication("reviewerA", List.of("testCountyA"));
    try {
      Set<String> visible = Set.copyOf(plus(countyA, countyB.get(1)));
      assertSameAsCamunda(query -> query.taskCandidateGroupIn(List.of("testCountyA", "testCountyB"))
          .includeAssignedTasks().taskDefinitionKeyIn("review"), visible);
      assertSameAsCamunda(query -> query.processDefinitionKey(PROCESS).orderByTaskCreateTime().desc(), visible);
      // An "or" query (Tasklist filters may have one) and a tenant criterion: the mapping's
      // query.orQueryActive and query.withoutTenantId.
      assertSameAsCamunda(query -> query.or().taskDefinitionKey("review").taskName("no such name").endOr(), visible);
      assertSameAsCamunda(query -> query.withoutTenantId().or().taskName("no such name").taskAssignee("nobody")
          .endOr(), Set.of());
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Every form of candidate condition (our count asks EXISTS for a single query, see Task.xml), with a
   * task assigned and one of two candidate groups, and the forms that still join the identity links:
   * "or" queries, involvedUser and sorting by a variable.
   */
  @Test
  void candidateConditionsCountTheSameAsCamunda() {
    String assigned = countyA.get(2);
    String twoGroups = countyA.get(1);
    tasks.setAssignee(assigned, "reviewerA");
    tasks.addCandidateGroup(twoGroups, "testCountyC");
    tasks.addCandidateUser(countyB.get(0), "reviewerA");
    identity.setAuthentication("reviewerAB", List.of("testCountyA", "testCountyB"));
    try {
      Set<String> allTasks = Set.copyOf(all());
      assertSameAsCamunda(query -> query.taskCandidateGroupIn(List.of("testCountyA", "testCountyC")),
          Set.of(countyA.get(0), twoGroups));
      assertSameAsCamunda(query -> query.taskCandidateGroupIn(List.of("testCountyA", "testCountyC"))
          .includeAssignedTasks(), Set.copyOf(countyA));
      assertSameAsCamunda(query -> query.taskCandidateGroup("testCountyC").includeAssignedTasks(), Set.of(twoGroups));
      assertSameAsCamunda(query -> query.taskCandidateGroupLike("testCounty%").includeAssignedTasks(), allTasks);
      assertSameAsCamunda(query -> query.taskCandidateUser("reviewerA").includeAssignedTasks(), null);
      assertSameAsCamunda(query -> query.withCandidateGroups(), null);
      assertSameAsCamunda(query -> query.withCandidateUsers().includeAssignedTasks(), Set.of(countyB.get(0)));
      assertSameAsCamunda(query -> query.withoutCandidateUsers().taskCandidateGroup("testCountyB"),
          Set.of(countyB.get(1)));
      // Camunda's join asks one identity link to meet both candidate conditions, which none does: this is
      // why a count with "or" queries keeps the join rather than asking EXISTS twice.
      assertSameAsCamunda(query -> query.taskCandidateGroup("testCountyA").or().taskCandidateGroup("testCountyC")
          .taskAssignee("reviewerA").endOr(), Set.of());
      assertSameAsCamunda(query -> query.or().taskCandidateGroup("testCountyC").taskAssignee("reviewerA").endOr(),
          Set.of(twoGroups, assigned));
      assertSameAsCamunda(query -> query.taskInvolvedUser("reviewerA"), Set.of(assigned, countyB.get(0)));
      assertSameAsCamunda(query -> query.taskCandidateGroupIn(List.of("testCountyA", "testCountyC"))
          .orderByProcessVariable("group", org.camunda.bpm.engine.variable.type.ValueType.STRING).asc(), null);
    } finally {
      identity.clearAuthentication();
      tasks.setAssignee(assigned, null);
      tasks.deleteCandidateGroup(twoGroups, "testCountyC");
      tasks.deleteCandidateUser(countyB.get(0), "reviewerA");
    }
  }

  /** A task that is a candidate of two groups joins two identity links; it is still counted once. */
  @Test
  void aTaskOfTwoCandidateGroupsIsCountedOnce() {
    String instance = runtime.startProcessInstanceByKey(PROCESS, java.util.Map.of("group", "testCountyA")).getId();
    String twoGroups = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    tasks.addCandidateGroup(twoGroups, "testCountyC");
    identity.setAuthentication("reviewerA", List.of("testCountyA"));
    try {
      assertSameAsCamunda(query -> query.taskCandidateGroupIn(List.of("testCountyA", "testCountyC")),
          Set.copyOf(plus(countyA, twoGroups)));
    } finally {
      identity.clearAuthentication();
      runtime.deleteProcessInstance(instance, "test done");
    }
  }

  private void expect(String user, List<String> groups, List<String> visible) {
    identity.setAuthentication(user, groups);
    try {
      assertSameAsCamunda(query -> query.processDefinitionKey(PROCESS), Set.copyOf(visible));
      assertSameAsCamunda(Function.identity(), null);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Counts and lists the tasks through our mapping and through Camunda's, with one configured query. */
  private void assertSameAsCamunda(Function<TaskQuery, TaskQuery> criteria, Set<String> expected) {
    engine.getCommandExecutorTxRequired().execute(context -> {
      TaskQueryImpl counted = (TaskQueryImpl) criteria.apply(tasks.createTaskQuery());
      long count = counted.executeCount(context);
      TaskQueryImpl listed = (TaskQueryImpl) criteria.apply(tasks.createTaskQuery());
      Set<String> ids = ids(listed.executeList(context, null));
      try (SqlSession session = camunda.openSession()) {
        long camundaCount = session.<Long>selectOne("selectTaskCountByQueryCriteria", counted);
        Set<String> camundaIds = ids(session.selectList("selectTaskByQueryCriteria", listed));
        String who = context.getAuthentication().getUserId() + " " + context.getAuthentication().getGroupIds();
        assertThat(count).as("count for %s", who).isEqualTo(camundaCount).isEqualTo(ids.size());
        assertThat(ids).as("tasks of %s", who).isEqualTo(camundaIds);
        if (expected != null) {
          assertThat(ids).as("tasks of %s", who).isEqualTo(expected);
        }
      }
      return null;
    });
  }

  private SqlSessionFactory camundasOwnMappings() throws Exception {
    Properties properties = new Properties();
    properties.put("prefix", "");
    ProcessEngineConfigurationImpl.initSqlSessionFactoryProperties(properties, "", engine.getDatabaseType());
    try (Reader reader = new InputStreamReader(
        ReflectUtil.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE),
        StandardCharsets.UTF_8)) {
      XMLConfigBuilder parser = new XMLConfigBuilder(reader, "", properties);
      parser.getConfiguration().setEnvironment(new Environment("camunda", new JdbcTransactionFactory(), dataSource));
      Configuration configuration = parser.parse();
      assertThat(configuration.getMappedStatement("selectTaskCountByQueryCriteria").getResource())
          .contains(TaskQueryMapping.CAMUNDA_TASK_MAPPING);
      return new DefaultSqlSessionFactory(configuration);
    }
  }

  private String start(String group) {
    runtime.startProcessInstanceByKey(PROCESS, java.util.Map.of("group", group));
    return tasks.createTaskQuery().processDefinitionKey(PROCESS).taskCandidateGroup(group).list().stream()
        .map(Task::getId).filter(id -> !countyA.contains(id) && !countyB.contains(id)).findFirst().orElseThrow();
  }

  private void grant(int type, String granteeKind, String grantee, Resource resource, String resourceId,
      Permission permission) {
    Authorization authorization = authorizations.createNewAuthorization(type);
    if (granteeKind.equals("user")) {
      authorization.setUserId(grantee);
    } else {
      authorization.setGroupId(grantee);
    }
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == AUTH_TYPE_REVOKE) {
      authorization.removePermission(permission);
    } else {
      authorization.addPermission(permission);
    }
    authorizationIds.add(authorizations.saveAuthorization(authorization).getId());
  }

  private List<String> all() {
    return plus(countyA, countyB.toArray(String[]::new));
  }

  private static List<String> plus(List<String> some, String... more) {
    List<String> all = new ArrayList<>(some);
    all.addAll(List.of(more));
    return all;
  }

  private static Set<String> ids(List<?> found) {
    return found.stream().map(task -> ((Task) task).getId()).collect(Collectors.toSet());
  }
}
