package cn.subsidy.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The house rules for the models in {@code processes/} and {@code forms/} and the archives of
 * {@code META-INF/processes.xml}, checked on the files themselves. Each broken rule is one line naming
 * the file, the element and what to do, so that a designer who changed a model in Camunda Modeler
 * knows what to fix. BPMN details are in {@link BpmnConventions}, DMN in {@link DmnConventions}.
 */
final class ModelConventions {

  static final String PROCESSES_XML = "src/main/resources/META-INF/processes.xml";
  private static final String PA = "http://www.camunda.org/schema/1.0/ProcessApplication";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A process archive: one deployment, named like its process, with the files it binds. */
  record Archive(String name, List<String> resources, Map<String, String> properties) {}

  private final Path root;
  private final List<String> violations = new ArrayList<>();

  private ModelConventions(Path root) {
    this.root = root;
  }

  /**
   * Every broken rule below {@code root} (the project folder). {@code beanExists} answers whether
   * the application has a bean of that name, for {@code ${bean}} delegate expressions.
   */
  static List<String> check(Path root, Predicate<String> beanExists) {
    ModelConventions conventions = new ModelConventions(root);
    conventions.run(beanExists);
    return conventions.violations;
  }

  private void run(Predicate<String> beanExists) {
    List<Archive> archives = archives();
    Set<String> listed = new TreeSet<>();
    archives.forEach(a -> listed.addAll(a.resources()));
    List<String> files = modelFiles();
    files.stream().filter(f -> !listed.contains(f))
        .forEach(f -> violations.add(PROCESSES_XML + ": " + f + " is in no process archive; list it with the "
            + "process that binds it, or it is never deployed"));
    listed.stream().filter(r -> !Files.exists(root.resolve(r)))
        .forEach(r -> violations.add(PROCESSES_XML + ": lists " + r + ", which does not exist"));

    Map<String, BpmnConventions.Model> bpmn = new LinkedHashMap<>();
    Map<String, Set<String>> decisions = new HashMap<>();
    Map<String, String> formIds = new HashMap<>();
    for (String file : files) {
      if (file.endsWith(".bpmn")) {
        bpmn.put(file, BpmnConventions.check(file, parse(file), beanExists, violations));
      } else if (file.endsWith(".dmn")) {
        decisions.put(file, DmnConventions.check(file, parse(file), violations));
      } else {
        formIds.put(file, checkForm(file));
      }
    }
    Set<String> processIds = new TreeSet<>();
    bpmn.values().forEach(m -> processIds.addAll(m.processIds()));
    bpmn.forEach((file, model) -> model.calledElements().forEach((activity, called) -> {
      if (!processIds.contains(called)) {
        violations.add(file + ": " + activity + " calls process '" + called + "', which no model in processes/ defines");
      }
    }));
    for (Archive archive : archives) {
      checkArchive(archive, bpmn, decisions, formIds);
    }
    Set<String> seen = new LinkedHashSet<>();
    formIds.forEach((file, id) -> {
      if (id != null && !seen.add(id)) {
        violations.add(file + ": form id '" + id + "' is used by another form too");
      }
    });
  }

  private void checkArchive(Archive archive, Map<String, BpmnConventions.Model> bpmn,
      Map<String, Set<String>> decisions, Map<String, String> formIds) {
    String where = PROCESSES_XML + ": archive " + archive.name() + ": ";
    List<String> models = archive.resources().stream().filter(r -> r.endsWith(".bpmn")).toList();
    if (models.size() != 1) {
      violations.add(where + "has " + models.size() + " BPMN models; each archive deploys exactly one process");
      return;
    }
    if (!"false".equals(archive.properties().get("isDeployChangedOnly"))) {
      violations.add(where + "needs isDeployChangedOnly=false: a changed model must be deployed together with "
          + "the decision tables and forms it binds");
    }
    BpmnConventions.Model model = bpmn.get(models.get(0));
    if (model == null) {
      return;
    }
    if (!model.processIds().contains(archive.name())) {
      violations.add(where + "is named after no process of " + models.get(0) + " " + model.processIds());
    }
    Set<String> archiveForms = new TreeSet<>();
    Set<String> archiveDecisions = new TreeSet<>();
    for (String resource : archive.resources()) {
      if (formIds.get(resource) != null) {
        archiveForms.add(formIds.get(resource));
      }
      archiveDecisions.addAll(decisions.getOrDefault(resource, Set.of()));
    }
    model.formRefs().forEach((task, form) -> {
      if (!archiveForms.contains(form)) {
        violations.add(models.get(0) + ": " + task + " binds form '" + form + "', which is not in archive "
            + archive.name() + " " + archiveForms + "; add the form file to the archive");
      }
    });
    model.decisionRefs().forEach((task, decision) -> {
      if (!archiveDecisions.contains(decision)) {
        violations.add(models.get(0) + ": " + task + " binds decision '" + decision + "', which is not in archive "
            + archive.name() + " " + archiveDecisions + "; add the DMN file to the archive");
      }
    });
  }

  private String checkForm(String file) {
    JsonNode form;
    try {
      form = JSON.readTree(root.resolve(file).toFile());
    } catch (IOException e) {
      violations.add(file + ": not valid JSON: " + e.getMessage());
      return null;
    }
    String id = form.path("id").asText(null);
    String expected = camelCase(file);
    if (!expected.equals(id)) {
      violations.add(file + ": form id is '" + id + "'; it must be '" + expected + "', the file name in camel case");
    }
    if (!"Camunda Platform".equals(form.path("executionPlatform").asText())) {
      violations.add(file + ": executionPlatform must be 'Camunda Platform' (Camunda 7), not '"
          + form.path("executionPlatform").asText() + "'");
    }
    for (JsonNode component : form.path("components")) {
      String componentId = component.path("id").asText("");
      if (!componentId.matches("(Field|Html|Text|Group|Button|Spacer|Separator)_[A-Z][A-Za-z0-9]*")) {
        violations.add(file + ": component id '" + componentId + "' must be meaningful, e.g. Field_CountyDecision "
            + "(browser tests and Tasklist find fields by it)");
      }
    }
    return id;
  }

  private List<Archive> archives() {
    Document document = parse(PROCESSES_XML);
    List<Archive> archives = new ArrayList<>();
    NodeList list = document.getElementsByTagNameNS(PA, "process-archive");
    for (int i = 0; i < list.getLength(); i++) {
      Element archive = (Element) list.item(i);
      List<String> resources = new ArrayList<>();
      NodeList resourceNodes = archive.getElementsByTagNameNS(PA, "resource");
      for (int r = 0; r < resourceNodes.getLength(); r++) {
        resources.add(resourceNodes.item(r).getTextContent().trim());
      }
      Map<String, String> properties = new HashMap<>();
      NodeList propertyNodes = archive.getElementsByTagNameNS(PA, "property");
      for (int p = 0; p < propertyNodes.getLength(); p++) {
        Element property = (Element) propertyNodes.item(p);
        properties.put(property.getAttribute("name"), property.getTextContent().trim());
      }
      archives.add(new Archive(archive.getAttribute("name"), resources, properties));
    }
    return archives;
  }

  private List<String> modelFiles() {
    List<String> files = new ArrayList<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> paths = Files.list(root.resolve(folder))) {
        paths.map(p -> folder + "/" + p.getFileName()).filter(f -> f.matches(".*\\.(bpmn|dmn|form)")).sorted()
            .forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private Document parse(String file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(root.resolve(file).toFile());
    } catch (Exception e) {
      throw new IllegalStateException(file + " is not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** {@code processes/transport-subsidy.bpmn} → {@code transportSubsidy}. */
  static String camelCase(String file) {
    String base = Path.of(file).getFileName().toString().replaceFirst("\\.[a-z]+$", "");
    StringBuilder camel = new StringBuilder();
    boolean upper = false;
    for (char c : base.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }
}
