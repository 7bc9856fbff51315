package cn.subsidy.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Fails a model test class unless it took every flow node and sequence flow of its models, judged from
 * the report process-test-coverage writes when the Spring test context finishes the class (this
 * extension is registered before Spring's, so it runs after it).
 */
class ModelCoverageCheck implements AfterAllCallback {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Set<String> ELEMENTS = Set.of("sequenceFlow", "startEvent", "endEvent", "boundaryEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "userTask", "serviceTask", "businessRuleTask", "receiveTask",
      "sendTask", "callActivity", "subProcess", "exclusiveGateway", "parallelGateway", "eventBasedGateway");

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    String[] models = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), ProcessModelTest.class)
        .orElseThrow().value();
    Path report = Path.of("target", "process-test-coverage", context.getRequiredTestClass().getName(), "report.json");
    assertThat(report).as("process test coverage report").exists();
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    for (String model : models) {
      Set<String> taken = new HashSet<>();
      json.path("suites").forEach(suite -> suite.path("runs").forEach(run -> run.path("events").forEach(event -> {
        if (model.equals(event.path("modelKey").asText())) {
          taken.add(event.path("definitionKey").asText());
        }
      })));
      JsonNode xml = null;
      for (JsonNode m : json.path("models")) {
        if (model.equals(m.path("key").asText())) {
          xml = m.path("xml");
        }
      }
      assertThat(xml).as("model %s was never started by %s", model, context.getDisplayName()).isNotNull();
      Set<String> missed = new TreeSet<>(elements(xml.asText()));
      missed.removeAll(taken);
      assertThat(missed).as("elements of %s no test of %s walked", model, context.getDisplayName()).isEmpty();
    }
  }

  private static Set<String> elements(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    NodeList all = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getElementsByTagNameNS(BPMN, "*");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      if (ELEMENTS.contains(element.getLocalName()) && !element.getAttribute("id").isEmpty()) {
        ids.add(element.getAttribute("id"));
      }
    }
    return ids;
  }
}
