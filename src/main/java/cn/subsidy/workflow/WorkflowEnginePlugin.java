package cn.subsidy.workflow;

import cn.subsidy.application.ApplicationLifecycle;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Installs the product's engine extensions: statuses declared in the models. */
@Component
class WorkflowEnginePlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ApplicationLifecycle> lifecycle;

  WorkflowEnginePlugin(ObjectProvider<ApplicationLifecycle> lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new StatusParseListener(lifecycle));
  }
}
