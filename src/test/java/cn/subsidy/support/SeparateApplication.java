package cn.subsidy.support;

import cn.subsidy.SubsidyApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole application once more inside the test JVM, beside the shared test context, for
 * tests about starting, stopping and configuration. Its engine and process application get unique
 * names so that they do not collide with the shared context's. The properties are given as
 * command-line arguments.
 */
public final class SeparateApplication {

  private SeparateApplication() {}

  public static ConfigurableApplicationContext start(Map<String, Object> properties, String... profiles) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("server.port", 0);
    all.put("spring.jmx.enabled", false);
    all.put("camunda.bpm.process-engine-name", "engine" + UUID.randomUUID().toString().substring(0, 8));
    all.put("camunda.bpm.generate-unique-process-application-name", true);
    all.put("camunda.bpm.job-execution.enabled", false);
    // The webapps keep JVM-wide state (runtime delegates) that a second application would take over.
    all.put("camunda.bpm.webapp.enabled", false);
    all.putAll(properties);
    // As command-line arguments, they override the profiles' files, as an administrator's would.
    String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(SubsidyApplication.class).profiles(profiles).run(args);
  }
}
