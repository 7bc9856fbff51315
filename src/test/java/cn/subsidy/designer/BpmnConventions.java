package cn.subsidy.designer;

import cn.subsidy.application.ApplicationStatus;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The house rules for one BPMN model (design.md "Models"): meaningful ids with the prefix of their
 * element type, a diagram shape for every element, a history time to live, forms and decision tables
 * bound to the deployment, candidate groups by expression, thin delegates referenced by bean name,
 * statuses that exist, and the application number passed on to called processes.
 */
final class BpmnConventions {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  /** What a model refers to, for the checks across files. */
  record Model(Set<String> processIds, Map<String, String> formRefs, Map<String, String> decisionRefs,
      Map<String, String> calledElements) {}

  /** Id prefixes by element type; after the prefix comes a name in PascalCase, never Modeler's random one. */
  private static final Map<String, String> PREFIXES = Map.ofEntries(
      Map.entry("definitions", "Definitions"), Map.entry("collaboration", "Collaboration"),
      Map.entry("participant", "Participant"), Map.entry("lane", "Lane"), Map.entry("laneSet", "LaneSet"),
      Map.entry("startEvent", "StartEvent"), Map.entry("endEvent", "EndEvent"),
      Map.entry("boundaryEvent", "Boundary|Timer|Message"), Map.entry("intermediateCatchEvent", "Timer|Message|Event"),
      Map.entry("intermediateThrowEvent", "Event"),
      Map.entry("task", "Task"), Map.entry("userTask", "Task"), Map.entry("serviceTask", "Task"),
      Map.entry("businessRuleTask", "Task"), Map.entry("sendTask", "Task"), Map.entry("manualTask", "Task"),
      Map.entry("receiveTask", "Receive"), Map.entry("callActivity", "CallActivity"),
      Map.entry("subProcess", "SubProcess"), Map.entry("exclusiveGateway", "Gateway"),
      Map.entry("parallelGateway", "Gateway"), Map.entry("inclusiveGateway", "Gateway"),
      Map.entry("eventBasedGateway", "Gateway"), Map.entry("sequenceFlow", "Flow"),
      Map.entry("message", "Message"), Map.entry("error", "Error"), Map.entry("signal", "Signal"),
      Map.entry("escalation", "Escalation"), Map.entry("timerEventDefinition", "TimerDef"),
      Map.entry("messageEventDefinition", "MessageDef"), Map.entry("errorEventDefinition", "ErrorDef"),
      Map.entry("signalEventDefinition", "SignalDef"), Map.entry("escalationEventDefinition", "EscalationDef"),
      Map.entry("textAnnotation", "TextAnnotation"), Map.entry("association", "Association"),
      Map.entry("dataObject", "DataObject"), Map.entry("dataObjectReference", "DataObjectReference"),
      Map.entry("dataStoreReference", "DataStoreReference"));

  /** Elements a reader must see in the diagram. */
  private static final Set<String> DRAWN = Set.of("startEvent", "endEvent", "boundaryEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "task", "userTask", "serviceTask", "businessRuleTask",
      "sendTask", "receiveTask", "manualTask", "scriptTask", "callActivity", "subProcess", "exclusiveGateway",
      "parallelGateway", "inclusiveGateway", "eventBasedGateway", "sequenceFlow", "participant", "lane",
      "textAnnotation", "association", "dataObjectReference", "dataStoreReference");

  private static final Pattern BEAN = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final String BUSINESS_KEY = "#{execution.processBusinessKey}";

  private final String file;
  private final Predicate<String> beanExists;
  private final List<String> violations;
  private final Map<String, String> formRefs = new LinkedHashMap<>();
  private final Map<String, String> decisionRefs = new LinkedHashMap<>();
  private final Map<String, String> calledElements = new LinkedHashMap<>();
  private final Set<String> processIds = new TreeSet<>();

  private BpmnConventions(String file, Predicate<String> beanExists, List<String> violations) {
    this.file = file;
    this.beanExists = beanExists;
    this.violations = violations;
  }

  static Model check(String file, Document document, Predicate<String> beanExists, List<String> violations) {
    BpmnConventions conventions = new BpmnConventions(file, beanExists, violations);
    conventions.run(document);
    return new Model(conventions.processIds, conventions.formRefs, conventions.decisionRefs,
        conventions.calledElements);
  }

  private void run(Document document) {
    Set<String> drawn = drawnElements(document);
    NodeList all = document.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      String type = element.getLocalName();
      String id = element.getAttribute("id");
      if (!id.isEmpty()) {
        checkId(type, id);
      }
      if (DRAWN.contains(type) && !id.isEmpty() && !drawn.contains(id)) {
        fail(id, type + " has no shape in the diagram; it would be invisible in Camunda Modeler");
      }
      if (element.hasAttributeNS(CAMUNDA, "class") || type.equals("scriptTask")) {
        fail(id, "no camunda:class and no scripts in models: use a delegate bean, ${beanName}");
      }
      switch (type) {
        case "process" -> checkProcess(element, id);
        case "userTask" -> checkUserTask(element, id);
        case "serviceTask" -> checkDelegate(id, "service task", element.getAttributeNS(CAMUNDA, "delegateExpression"));
        case "businessRuleTask" -> checkBusinessRuleTask(element, id);
        case "callActivity" -> checkCallActivity(element, id);
        default -> { }
      }
    }
    NodeList camunda = document.getElementsByTagNameNS(CAMUNDA, "*");
    for (int i = 0; i < camunda.getLength(); i++) {
      Element extension = (Element) camunda.item(i);
      String owner = ownerId(extension);
      switch (extension.getLocalName()) {
        case "taskListener", "executionListener" ->
            checkDelegate(owner, extension.getLocalName(), extension.getAttribute("delegateExpression"));
        case "script" -> fail(owner, "no scripts in models: use a delegate bean, ${beanName}");
        case "property" -> checkStatus(owner, extension);
        default -> { }
      }
    }
  }

  private void checkId(String type, String id) {
    if (type.equals("process")) {
      if (!id.matches("[a-z][A-Za-z0-9]*")) {
        fail(id, "a process id is its key in camel case, e.g. transportSubsidy");
      }
      return;
    }
    String prefixes = PREFIXES.get(type);
    // The model's root is named after the process it holds: Definitions_transportSubsidy.
    String name = type.equals("definitions") ? "[A-Za-z][A-Za-z0-9]*" : "[A-Z][A-Za-z0-9]*";
    if (prefixes == null) {
      fail(id, "no naming rule for " + type + " elements; add one to BpmnConventions");
    } else if (!id.matches("(" + prefixes + ")_" + name)) {
      fail(id, type + " ids must read like " + Arrays.stream(prefixes.split("\\|")).map(p -> p + "_Meaningful")
          .toList() + " (design.md: meaningful ids)");
    }
  }

  private void checkProcess(Element process, String id) {
    processIds.add(id);
    if (process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
      fail(id, "process needs camunda:historyTimeToLive (History time to live in Modeler)");
    }
    if (!"true".equals(process.getAttribute("isExecutable"))) {
      fail(id, "process must be executable");
    }
    String expected = ModelConventions.camelCase(file);
    if (!id.equals(expected)) {
      fail(id, "the file must be named after its process: " + id + " belongs in a file that reads " + expected
          + " in kebab case");
    }
  }

  private void checkUserTask(Element task, String id) {
    String form = task.getAttributeNS(CAMUNDA, "formRef");
    if (form.isBlank()) {
      fail(id, "user task has no form: set a Camunda Form (camunda:formRef) with binding 'deployment'");
    } else {
      formRefs.put(id, form);
      if (!"deployment".equals(task.getAttributeNS(CAMUNDA, "formRefBinding"))) {
        fail(id, "form binding must be 'deployment', so that a running application keeps its form");
      }
    }
    if (!task.getAttributeNS(CAMUNDA, "candidateGroups").contains("${")) {
      fail(id, "user task needs candidate groups by expression, e.g. reviewers${countyCode}, so that only the "
          + "application's county or province sees it");
    }
  }

  private void checkBusinessRuleTask(Element task, String id) {
    String decision = task.getAttributeNS(CAMUNDA, "decisionRef");
    if (decision.isBlank()) {
      fail(id, "business rule task needs a DMN decision (camunda:decisionRef)");
      return;
    }
    decisionRefs.put(id, decision);
    if (!"deployment".equals(task.getAttributeNS(CAMUNDA, "decisionRefBinding"))) {
      fail(id, "decision binding must be 'deployment', so that a running application keeps its amounts");
    }
  }

  private void checkCallActivity(Element activity, String id) {
    calledElements.put(id, activity.getAttribute("calledElement"));
    NodeList ins = activity.getElementsByTagNameNS(CAMUNDA, "in");
    boolean passesKey = false;
    for (int i = 0; i < ins.getLength(); i++) {
      passesKey |= BUSINESS_KEY.equals(((Element) ins.item(i)).getAttribute("businessKey"));
    }
    if (!passesKey) {
      fail(id, "call activity must pass the application number: <camunda:in businessKey=\"" + BUSINESS_KEY + "\"/>");
    }
  }

  private void checkDelegate(String owner, String kind, String expression) {
    Matcher bean = BEAN.matcher(expression);
    if (!bean.matches()) {
      fail(owner, kind + " must use a delegate expression ${beanName}, not '" + expression + "'");
    } else if (!beanExists.test(bean.group(1))) {
      fail(owner, kind + " uses bean '" + bean.group(1) + "', which the application does not have");
    }
  }

  private void checkStatus(String owner, Element property) {
    if (!"status".equals(property.getAttribute("name"))) {
      return;
    }
    String value = property.getAttribute("value").trim();
    Set<String> names = new TreeSet<>();
    for (ApplicationStatus status : ApplicationStatus.values()) {
      names.add(status.name());
    }
    if (!names.contains(value)) {
      fail(owner, "status '" + value + "' is no application status; one of " + names);
    }
  }

  private static Set<String> drawnElements(Document document) {
    Set<String> drawn = new HashSet<>();
    for (String tag : List.of("BPMNShape", "BPMNEdge")) {
      NodeList shapes = document.getElementsByTagNameNS(BPMNDI, tag);
      for (int i = 0; i < shapes.getLength(); i++) {
        drawn.add(((Element) shapes.item(i)).getAttribute("bpmnElement"));
      }
    }
    return drawn;
  }

  private static String ownerId(Element element) {
    for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (BPMN.equals(e.getNamespaceURI()) && !e.getAttribute("id").isEmpty()) {
        return e.getAttribute("id");
      }
    }
    return "?";
  }

  private void fail(String id, String message) {
    violations.add(file + ": " + id + ": " + message);
  }
}
