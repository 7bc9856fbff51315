package cn.subsidy.tasklist;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Camunda's history (level full) without the task-local copies {@link CaseFileListener} puts on each
 * official's task: the case file shown by the form and the Tasklist's columns, rebuilt from the
 * application's own tables at every task. Kept in the history, each was written twice more (variable
 * history and its detail, and for the case file its JSON with each): 20 statements and about 22 KB per
 * application in the benchmark, and copies of personal data kept for ten years beside the application's
 * own record. Everything else, the process's variables, the decisions and the task's own history
 * included, is written as before.
 */
@Component
class TaskCopiesHistory extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Camunda's writer is replaced by the same writer with this one exception; other handlers stay.
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new Writer());
  }

  static boolean isTaskCopy(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
        && CaseFileListener.TASK_COPIES.contains(variable.getVariableName());
  }

  /** Camunda's database history writer, leaving the task copies out. */
  static class Writer extends DbHistoryEventHandler {

    @Override
    protected void insertHistoricVariableUpdateEntity(HistoricVariableUpdateEventEntity event) {
      if (!isTaskCopy(event)) {
        super.insertHistoricVariableUpdateEntity(event);
      }
    }
  }
}
