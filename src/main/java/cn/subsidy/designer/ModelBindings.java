package cn.subsidy.designer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the files of one deployment hold and bind: the processes of its BPMN models with the forms and
 * decisions they bind to their own deployment and the delegate beans they call; the decisions of its
 * DMN files; the forms of its {@code .form} files.
 */
record ModelBindings(Map<String, Process> processes, Set<String> decisions, Set<String> forms) {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern BEAN = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A process, by id: its file, and per element id the form, decision, bean or status it names. */
  record Process(String resource, Map<String, String> forms, Map<String, String> decisions, Map<String, String> beans,
      Map<String, String> statuses) {}

  static ModelBindings of(Map<String, byte[]> resources) {
    Map<String, Process> processes = new LinkedHashMap<>();
    Set<String> decisions = new TreeSet<>();
    Set<String> forms = new TreeSet<>();
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        processes.putAll(processes(name, bytes));
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        NodeList list = xml(name, bytes).getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < list.getLength(); i++) {
          decisions.add(((Element) list.item(i)).getAttribute("id"));
        }
      } else if (name.endsWith(".form")) {
        forms.add(formId(name, bytes));
      }
    });
    return new ModelBindings(processes, decisions, forms);
  }

  static Map<String, Process> processes(String name, byte[] bytes) {
    Document document = xml(name, bytes);
    Map<String, Process> processes = new LinkedHashMap<>();
    NodeList list = document.getElementsByTagNameNS(BPMN, "process");
    for (int i = 0; i < list.getLength(); i++) {
      Element process = (Element) list.item(i);
      Map<String, String> forms = new LinkedHashMap<>();
      Map<String, String> decisions = new LinkedHashMap<>();
      Map<String, String> beans = new LinkedHashMap<>();
      Map<String, String> statuses = new LinkedHashMap<>();
      NodeList elements = process.getElementsByTagName("*");
      for (int e = 0; e < elements.getLength(); e++) {
        Element element = (Element) elements.item(e);
        String owner = owner(element);
        if ("deployment".equals(element.getAttributeNS(CAMUNDA, "formRefBinding"))) {
          forms.put(owner, element.getAttributeNS(CAMUNDA, "formRef"));
        }
        if ("deployment".equals(element.getAttributeNS(CAMUNDA, "decisionRefBinding"))) {
          decisions.put(owner, element.getAttributeNS(CAMUNDA, "decisionRef"));
        }
        String delegate = CAMUNDA.equals(element.getNamespaceURI()) ? element.getAttribute("delegateExpression")
            : element.getAttributeNS(CAMUNDA, "delegateExpression");
        Matcher bean = BEAN.matcher(delegate);
        if (bean.matches()) {
          beans.put(owner, bean.group(1));
        }
        if (CAMUNDA.equals(element.getNamespaceURI()) && "property".equals(element.getLocalName())
            && "status".equals(element.getAttribute("name"))) {
          statuses.put(owner, element.getAttribute("value").trim());
        }
      }
      processes.put(process.getAttribute("id"), new Process(name, forms, decisions, beans, statuses));
    }
    return processes;
  }

  /** The id of the BPMN element an element belongs to (itself, or the task a listener is on). */
  private static String owner(Element element) {
    for (org.w3c.dom.Node node = element; node instanceof Element e; node = node.getParentNode()) {
      if (BPMN.equals(e.getNamespaceURI()) && !e.getAttribute("id").isEmpty()) {
        return e.getAttribute("id");
      }
    }
    return element.getLocalName();
  }

  private static String formId(String name, byte[] bytes) {
    try {
      return JSON.readTree(bytes).path("id").asText("");
    } catch (IOException e) {
      throw new IllegalArgumentException(name + " is not a Camunda Form (JSON): " + e.getMessage(), e);
    }
  }

  private static Document xml(String name, byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      throw new IllegalArgumentException(name + " is not well-formed XML: " + e.getMessage(), e);
    }
  }
}
