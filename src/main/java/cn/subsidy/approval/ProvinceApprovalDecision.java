package cn.subsidy.approval;

import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.application.Reason;
import cn.subsidy.workflow.Actors;
import cn.subsidy.workflow.Decisions;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${provinceApprovalDecision}} (省级审批), on completing {@code Task_ProvinceApproval}: approve,
 * return to the county with a reason, or reject with a reason. Records the decision with who, when and
 * the comment.
 */
@Component("provinceApprovalDecision")
class ProvinceApprovalDecision implements TaskListener {

  private final ApplicationLifecycle lifecycle;

  ProvinceApprovalDecision(ApplicationLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = Decisions.decision(task, "provinceDecision", "APPROVE", "RETURN", "REJECT");
    String comment = Decisions.text(task, "provinceComment", "provinceReason");
    if (!decision.equals("APPROVE") && comment == null) {
      throw Decisions.refuse("provinceComment", "退回或驳回须填写理由 / Returning or rejecting needs a reason"
          + " (provinceComment).");
    }
    String applicationNo = task.getExecution().getProcessBusinessKey();
    Decisions.keep(task, "provinceDecision", decision);
    Decisions.keep(task, "provinceComment", comment);
    lifecycle.recordDecision(applicationNo, "PROVINCE_APPROVAL", Actors.current(task), decision, comment);
    if (decision.equals("REJECT")) {
      lifecycle.setReasons(applicationNo, List.of(new Reason("PROVINCE_APPROVAL", comment)));
    }
  }
}
