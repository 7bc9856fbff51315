package cn.subsidy.tasklist;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Officials' task lists and counts with many open tasks, on the engine's side. The engine reads its
 * task query from {@code cn/subsidy/tasklist/Task.xml}: Camunda 7.24's mapping with the changes marked
 * "employment-subsidy" there, above all the authorization check (the others: counts without DISTINCT
 * where no join can repeat a task, EXISTS for a count's candidate condition, the process definitions
 * joined only for the query's own conditions, two OGNL names). Camunda joins every task with the
 * authorizations that grant it; with 100,000 open tasks a county reviewer's {@code /task/count} looked
 * the authorizations up 100,000 times (2 s). The copy checks the same grants through subqueries that
 * PostgreSQL computes once per query, read from the indexes of {@link TaskQueryStatistics}. A user sees
 * and counts exactly the tasks Camunda's check lets through (TaskAuthorizationCheckTest); when revoke
 * authorizations are in use, Camunda's own check runs unchanged. {@link AuthorizedGroupsManager} saves
 * another 20 ms per request.
 *
 * <p>This bean replaces the starter's engine configuration with the same configuration (and the same
 * engine plugins) of a subclass that hands MyBatis the changed list of mappings; Camunda 7.24 offers
 * no other way to change one of its statements, and as its last Community Edition it will not change
 * the copied mapping under us ({@code TaskQueryMappingTest} compares the copy with Camunda's).
 */
@Configuration(proxyBeanMethods = false)
class TaskQueryMapping {

  static final String CAMUNDA_TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String TASK_MAPPING = "cn/subsidy/tasklist/Task.xml";
  static final String AUTHORIZED_GROUPS_MAPPING = "cn/subsidy/tasklist/AuthorizedGroups.xml";

  @Bean
  ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
    SpringProcessEngineConfiguration configuration =
        CamundaSpringBootUtil.initCustomFields(new TaskMappingEngineConfiguration());
    configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
    configuration.getCustomSessionFactories().add(new AuthorizedGroupsManager.Factory());
    return configuration;
  }

  /** Camunda's list of mapping files, with our task query in place of Camunda's, and our group query. */
  static String mappings() {
    String camunda = read(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE);
    String taskMapper = "<mapper resource=\"" + CAMUNDA_TASK_MAPPING + "\" />";
    if (!camunda.contains(taskMapper)) {
      throw new ProcessEngineException("Camunda's mappings no longer contain " + taskMapper);
    }
    return camunda.replace(taskMapper, "<mapper resource=\"" + TASK_MAPPING + "\" />\n"
        + "    <mapper resource=\"" + AUTHORIZED_GROUPS_MAPPING + "\" />");
  }

  static String read(String resource) {
    try (InputStream in = ReflectUtil.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ProcessEngineException("Not on the class path: " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static class TaskMappingEngineConfiguration extends SpringProcessEngineConfiguration {

    @Override
    protected InputStream getMyBatisXmlConfigurationSteam() {
      return new ByteArrayInputStream(mappings().getBytes(StandardCharsets.UTF_8));
    }
  }
}
