package cn.subsidy.notice;

import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.application.Reason;
import cn.subsidy.workflow.Actors;
import cn.subsidy.workflow.Decisions;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${objectionHandlingDecision}}, on completing {@code Task_HandleObjection}: uphold (the application is
 * rejected) or dismiss (it goes on), always with a reason.
 */
@Component("objectionHandlingDecision")
class ObjectionDecision implements TaskListener {

  private final Objections objections;
  private final ApplicationLifecycle lifecycle;
  private final Clock clock;

  ObjectionDecision(Objections objections, ApplicationLifecycle lifecycle, Clock clock) {
    this.objections = objections;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = Decisions.decision(task, "objectionDecision", "UPHOLD", "DISMISS");
    String comment = Decisions.text(task, "objectionComment");
    if (comment == null) {
      throw Decisions.refuse("objectionComment", "请写明处理意见 / The decision on an objection needs a reason"
          + " (objectionComment).");
    }
    String applicationNo = task.getExecution().getProcessBusinessKey();
    String actor = Actors.current(task);
    Object objectionId = task.getVariable("objectionId");
    if (objectionId instanceof Number id) {
      objections.decide(id.longValue(), decision, actor, clock.instant(), comment);
    }
    Decisions.keep(task, "objectionDecision", decision);
    lifecycle.recordDecision(applicationNo, "OBJECTION", actor, decision, comment);
    if (decision.equals("UPHOLD")) {
      lifecycle.setReasons(applicationNo, List.of(new Reason("OBJECTION_UPHELD", "公示期间异议成立：" + comment
          + " / An objection during the public notice was upheld: " + comment)));
    }
  }
}
