package cn.subsidy.designer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The house rules for one DMN file: it holds the decision named after the file, every decision has a
 * history time to live and a shape in the decision requirements diagram, and the elements a reader
 * sees have meaningful ids. Rows, inputs and outputs of a table keep whatever ids Modeler gives them:
 * officials add rows often, and nothing refers to a row by its id.
 */
final class DmnConventions {

  private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  private static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
  private static final Map<String, String> PREFIXES = Map.of(
      "definitions", "Definitions", "decisionTable", "DecisionTable",
      "informationRequirement", "InformationRequirement", "knowledgeRequirement", "KnowledgeRequirement",
      "authorityRequirement", "AuthorityRequirement", "inputData", "InputData",
      "knowledgeSource", "KnowledgeSource", "DMNDiagram", "DMNDiagram", "DMNShape", "DMNShape", "DMNEdge", "DMNEdge");

  private DmnConventions() {}

  /** Checks the file and answers the ids of its decisions. */
  static Set<String> check(String file, Document document, List<String> violations) {
    Set<String> decisions = new TreeSet<>();
    Set<String> drawn = new HashSet<>();
    NodeList shapes = document.getElementsByTagNameNS(DMNDI, "DMNShape");
    for (int i = 0; i < shapes.getLength(); i++) {
      drawn.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
    }
    NodeList all = document.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      String type = element.getLocalName();
      String id = element.getAttribute("id");
      if (type.equals("decision")) {
        decisions.add(id);
        if (!id.matches("[a-z][A-Za-z0-9]*")) {
          violations.add(file + ": " + id + ": a decision id is its key in camel case, e.g. transportAmount");
        }
        if (element.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
          violations.add(file + ": " + id + ": decision needs camunda:historyTimeToLive");
        }
      } else if (PREFIXES.containsKey(type) && !id.matches(PREFIXES.get(type) + "_[A-Za-z0-9][A-Za-z0-9_]*")) {
        violations.add(file + ": " + id + ": " + type + " ids must read like " + PREFIXES.get(type) + "_Meaningful");
      }
      if ((type.equals("decision") || type.equals("inputData")) && !drawn.contains(id)) {
        violations.add(file + ": " + id + ": " + type + " has no shape in the decision requirements diagram");
      }
    }
    String expected = ModelConventions.camelCase(file);
    if (!decisions.contains(expected)) {
      violations.add(file + ": holds no decision '" + expected + "'; the file must be named after its main decision");
    }
    return decisions;
  }
}
