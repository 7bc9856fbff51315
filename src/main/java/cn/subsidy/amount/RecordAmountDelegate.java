package cn.subsidy.amount;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.application.Applications;
import cn.subsidy.application.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordAmount}}: stores the amount the decision table decided ({@code amountDecision}) on the
 * application and as the {@code amount} variable. A county that reimburses fares needs the fare; without
 * it the application is rejected ({@code AMOUNT_UNDETERMINED}).
 */
@Component("recordAmount")
class RecordAmountDelegate implements JavaDelegate {

  static final String DECISION_VARIABLE = "amountDecision";
  static final String ERROR = "AMOUNT_UNDETERMINED";

  private final Applications applications;
  private final ApplicationLifecycle lifecycle;

  RecordAmountDelegate(Applications applications, ApplicationLifecycle lifecycle) {
    this.applications = applications;
    this.lifecycle = lifecycle;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    String applicationNo = execution.getProcessBusinessKey();
    Application application = applications.find(applicationNo).orElseThrow();
    Map<String, Object> decision = (Map<String, Object>) execution.getVariable(DECISION_VARIABLE);
    if (decision == null) {
      throw new IllegalStateException("No decision-table row matched application " + applicationNo);
    }
    Optional<Amount> amount = AmountCalculator.calculate(application, decision);
    execution.removeVariable(DECISION_VARIABLE);
    if (amount.isEmpty()) {
      lifecycle.setReasons(applicationNo, List.of(new Reason("FARE_MISSING", "本县按实际车费报销，申请未填写车费；请填写车费并附车票"
          + "重新申请 / This county reimburses the actual fare, and no fare was given; apply again with the fare and"
          + " the tickets.")));
      throw new BpmnError(ERROR, "fare missing");
    }
    applications.updateAmount(applicationNo, amount.get().total(), amount.get().detail());
    lifecycle.recordDecision(applicationNo, "AMOUNT", ApplicationLifecycle.SYSTEM, null, amount.get().detail());
    execution.setVariable("amount", amount.get().total().toPlainString());
  }
}
