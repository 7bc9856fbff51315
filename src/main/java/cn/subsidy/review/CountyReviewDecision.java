package cn.subsidy.review;

import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.application.Reason;
import cn.subsidy.application.Supplements;
import cn.subsidy.workflow.Actors;
import cn.subsidy.workflow.Decisions;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${countyReviewDecision}} (县级审核), on completing {@code Task_CountyReview}: approve, request a
 * supplement listing every missing item, or reject with a reason. Checks the decision, records it with
 * who, when and the comment, and keeps the supplement's items and the rejection's reason.
 */
@Component("countyReviewDecision")
class CountyReviewDecision implements TaskListener {

  private final ApplicationLifecycle lifecycle;
  private final Supplements supplements;
  private final Clock clock;

  CountyReviewDecision(ApplicationLifecycle lifecycle, Supplements supplements, Clock clock) {
    this.lifecycle = lifecycle;
    this.supplements = supplements;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = Decisions.decision(task, "countyDecision", "APPROVE", "SUPPLEMENT", "REJECT");
    String comment = Decisions.text(task, "countyComment", "rejectReason");
    List<String> items = Decisions.lines(task, "missingItems");
    if (decision.equals("REJECT") && comment == null) {
      throw Decisions.refuse("countyComment", "驳回须填写理由 / A rejection needs a reason (countyComment).");
    }
    if (decision.equals("SUPPLEMENT") && items.isEmpty()) {
      throw Decisions.refuse("missingItems",
          "要求补正须至少列出一项需补正的材料，每行一项 / A supplement request needs at least one item, one per line.");
    }
    String applicationNo = task.getExecution().getProcessBusinessKey();
    String actor = Actors.current(task);
    Decisions.keep(task, "countyDecision", decision);
    Decisions.keep(task, "countyComment", comment);
    lifecycle.recordDecision(applicationNo, "COUNTY_REVIEW", actor, decision,
        decision.equals("SUPPLEMENT") ? join(comment, items) : comment);
    if (decision.equals("SUPPLEMENT")) {
      supplements.request(applicationNo, items, clock.instant(), actor);
    } else if (decision.equals("REJECT")) {
      lifecycle.setReasons(applicationNo, List.of(new Reason("COUNTY_REVIEW", comment)));
    }
  }

  private static String join(String comment, List<String> items) {
    String list = "需补正：" + String.join("；", items);
    return comment == null ? list : comment + "\n" + list;
  }
}
