package cn.subsidy.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.SubsidyApplication;
import cn.subsidy.support.SeparateApplication;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The models are deployed at every start, filtered for duplicates: restarting on the same database
 * creates no new version of an unchanged model, and a changed file in {@code processes/} is deployed
 * as a new version together with the decision table and form its archive binds. The changed file is
 * given to a second JVM ahead of the build's own, as a designer's edited file would be at the next start.
 */
class ModelRedeploymentTest {

  private static final String MARK = "Changed by a designer for ModelRedeploymentTest";

  @TempDir Path dataRoot;
  @TempDir Path changedFiles;

  @Test
  void restartsDeployOnlyChangedModelsAsNewVersions() throws Exception {
    Path data = dataRoot.resolve("postgres");
    Map<String, Object> properties = Map.of(
        "subsidy.embedded-postgres.data-directory", data.toString(),
        "subsidy.embedded-postgres.clean-data-directory", false,
        "subsidy.embedded-postgres.durable", true);
    try {
      Map<String, Integer> first;
      try (ConfigurableApplicationContext application = SeparateApplication.start(properties, "test")) {
        first = versions(application.getBean(RepositoryService.class));
      }
      // The county review form is in both subsidies' archives.
      assertThat(first).containsEntry("process:transportSubsidy", 1).containsEntry("process:trainingSubsidy", 1)
          .containsEntry("decision:transportAmount", 1).containsEntry("form:countyReview", 2);

      try (ConfigurableApplicationContext application = SeparateApplication.start(properties, "test")) {
        assertThat(versions(application.getBean(RepositoryService.class))).as("restart, nothing changed")
            .isEqualTo(first);
      }

      Path changed = changedFiles.resolve("processes/transport-subsidy.bpmn");
      Files.createDirectories(changed.getParent());
      Files.writeString(changed, Files.readString(Path.of("processes/transport-subsidy.bpmn"), StandardCharsets.UTF_8)
          .replace("<bpmn:documentation>Transportation subsidy", "<bpmn:documentation>" + MARK + ". Transportation subsidy"),
          StandardCharsets.UTF_8);
      runInAnotherJvm(changedFiles, properties);

      try (ConfigurableApplicationContext application = SeparateApplication.start(properties, "test")) {
        RepositoryService repository = application.getBean(RepositoryService.class);
        Map<String, Integer> expected = new TreeMap<>(first);
        // The edited file (second JVM), then the project's file again (this start): two new versions of the
        // transport archive, with its decision table and form; everything else as it was.
        expected.put("process:transportSubsidy", 3);
        expected.put("decision:transportAmount", 3);
        expected.put("form:countyReview", 4);
        assertThat(versions(repository)).isEqualTo(expected);
        String edited = repository.createProcessDefinitionQuery().processDefinitionKey("transportSubsidy")
            .processDefinitionVersion(2).singleResult().getId();
        assertThat(new String(repository.getProcessModel(edited).readAllBytes(), StandardCharsets.UTF_8)).contains(MARK);
      }
    } finally {
      FileSystemUtils.deleteRecursively(data);
    }
  }

  /** The latest version of every process, decision and form. */
  private static Map<String, Integer> versions(RepositoryService repository) {
    Map<String, Integer> versions = new TreeMap<>();
    repository.createProcessDefinitionQuery().latestVersion().list()
        .forEach(d -> versions.put("process:" + d.getKey(), d.getVersion()));
    repository.createDecisionDefinitionQuery().latestVersion().list()
        .forEach(d -> versions.put("decision:" + d.getKey(), d.getVersion()));
    repository.createDeploymentQuery().list().forEach(deployment -> repository.getDeploymentResourceNames(
        deployment.getId()).stream().filter(name -> name.endsWith(".form")).forEach(name ->
        versions.merge("form:" + ModelConventions.camelCase(name), 1, Integer::sum)));
    return versions;
  }

  /** Starts the application in a new JVM with {@code first} ahead of the classpath, waits until it runs, stops it. */
  private static void runInAnotherJvm(Path first, Map<String, Object> properties) throws Exception {
    String classpath = first + File.pathSeparator + System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classpath, SubsidyApplication.class.getName(),
        "--spring.profiles.active=test", "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.webapp.enabled=false"));
    properties.forEach((name, value) -> command.add("--" + name + "=" + value));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    CompletableFuture<Void> started = new CompletableFuture<>();
    // Reads everything the JVM writes until it ends, so that it never blocks on a full pipe.
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          synchronized (output) {
            output.add(line);
          }
          if (line.contains("Started SubsidyApplication")) {
            started.complete(null);
          }
        }
      } catch (IOException e) {
        started.completeExceptionally(e);
      }
      started.completeExceptionally(new IllegalStateException("the second JVM ended before it started"));
    });
    reader.start();
    try {
      started.get(180, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the second JVM did not start:\n" + tail(output), e);
    } finally {
      process.destroy();
      if (!process.waitFor(90, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      reader.join(10_000);
    }
  }

  private static String tail(List<String> output) {
    synchronized (output) {
      return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
    }
  }
}
