package cn.subsidy.workflow;

import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.application.ApplicationStatus;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Lets a model say which status an application has while it is at a step: an extension property
 * {@code status} (e.g. {@code UNDER_REVIEW}) on any activity or event sets that status when the step
 * starts. Designers see and change it in Camunda Modeler's properties panel; no Java is involved.
 */
class StatusParseListener extends AbstractBpmnParseListener {

  static final String PROPERTY = "status";

  private final ObjectProvider<ApplicationLifecycle> lifecycle;

  StatusParseListener(ObjectProvider<ApplicationLifecycle> lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    attach(element, activity);
  }

  @Override
  public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    attach(element, activity);
  }

  @Override
  public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    attach(element, activity);
  }

  @Override
  public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    attach(element, activity);
  }

  @Override
  public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
    attach(element, activity);
  }

  @Override
  public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    attach(element, activity);
  }

  @Override
  public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    attach(element, activity);
  }

  @Override
  public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
    attach(element, activity);
  }

  private void attach(Element element, ActivityImpl activity) {
    declaredStatus(element).ifPresent(status -> activity.addListener(ExecutionListener.EVENTNAME_START,
        new StatusListener(lifecycle, status, activity.getId())));
  }

  static Optional<ApplicationStatus> declaredStatus(Element element) {
    Element extensions = element.element("extensionElements");
    Element properties = extensions == null ? null
        : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
    if (properties == null) {
      return Optional.empty();
    }
    for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
      if (PROPERTY.equals(property.attribute("name"))) {
        return Optional.of(ApplicationStatus.valueOf(property.attribute("value").trim()));
      }
    }
    return Optional.empty();
  }

  /** Sets the declared status when the step starts. */
  private record StatusListener(ObjectProvider<ApplicationLifecycle> lifecycle, ApplicationStatus status,
      String activityId) implements ExecutionListener {
    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      lifecycle.getObject().changeStatus(execution.getProcessBusinessKey(), status, activityId,
          Actors.current(execution));
    }
  }
}
