package cn.subsidy.designer;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Whether a designer changed what a waiting step waits for (a timer's expression, a message's or
 * signal's name). Only then does the migration update the trigger: updating a timer recomputes its due
 * date from the moment of migration, which would restart the county review's 7- and 10-working-day
 * clocks of every application that merely moves to a new version.
 */
final class EventTriggers {

  private EventTriggers() {}

  static boolean changed(BpmnModelInstance source, String sourceId, BpmnModelInstance target, String targetId) {
    return !Objects.equals(trigger(source.getModelElementById(sourceId)), trigger(target.getModelElementById(targetId)));
  }

  private static List<String> trigger(ModelElementInstance element) {
    if (element instanceof ReceiveTask task) {
      return List.of(task.getMessage() == null ? "" : "message:" + task.getMessage().getName());
    }
    if (element instanceof CatchEvent event) {
      return describe(event.getEventDefinitions());
    }
    return List.of();
  }

  private static List<String> describe(Collection<EventDefinition> definitions) {
    return definitions.stream().map(EventTriggers::describe).toList();
  }

  private static String describe(EventDefinition definition) {
    if (definition instanceof TimerEventDefinition timer) {
      return "timer:" + text(timer.getTimeDate()) + "|" + text(timer.getTimeDuration()) + "|" + text(timer.getTimeCycle());
    }
    if (definition instanceof MessageEventDefinition message) {
      return "message:" + (message.getMessage() == null ? "" : message.getMessage().getName());
    }
    if (definition instanceof SignalEventDefinition signal) {
      return "signal:" + (signal.getSignal() == null ? "" : signal.getSignal().getName());
    }
    if (definition instanceof ConditionalEventDefinition conditional) {
      return "condition:" + text(conditional.getCondition());
    }
    return definition.getElementType().getTypeName();
  }

  private static String text(ModelElementInstance expression) {
    return expression == null ? "" : expression.getTextContent().trim();
  }
}
