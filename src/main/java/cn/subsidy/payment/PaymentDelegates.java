package cn.subsidy.payment;

import cn.subsidy.workflow.Actors;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment models' service tasks: {@code ${createPaymentInstruction}} writes the application's one
 * instruction when the province approves; {@code ${createPaymentBatch}} makes the county's batch when
 * finance staff complete their desk task.
 */
@Configuration(proxyBeanMethods = false)
class PaymentDelegates {

  @Bean
  JavaDelegate createPaymentInstruction(PaymentService payments) {
    return execution -> payments.createInstruction(execution.getProcessBusinessKey());
  }

  @Bean
  JavaDelegate createPaymentBatch(PaymentService payments) {
    return execution -> {
      String countyCode = (String) execution.getVariable("countyCode");
      PaymentBatch batch = payments.createBatch(countyCode, Actors.current(execution), true);
      execution.setVariable("batchId", batch.id());
    };
  }
}
