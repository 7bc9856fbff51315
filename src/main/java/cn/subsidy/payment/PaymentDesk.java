package cn.subsidy.payment;

import cn.subsidy.county.Counties;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The county finance desk (model {@code paymentBatch}): one task in Tasklist per county while
 * instructions wait for a batch. {@code ${paymentDesk}} shows the task what is waiting.
 */
@Component("paymentDesk")
class PaymentDesk implements TaskListener {

  static final String PROCESS = "paymentBatch";
  static final String BATCH_CREATED_MESSAGE = "PaymentBatchCreated";

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final PaymentLedger ledger;
  private final Counties counties;
  private final Clock clock;

  PaymentDesk(JdbcClient jdbc, RuntimeService runtimeService, PaymentLedger ledger, Counties counties, Clock clock) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.ledger = ledger;
    this.counties = counties;
    this.clock = clock;
  }

  static String businessKey(String countyCode) {
    return countyCode + "-PAYMENTS";
  }

  /** Opens the county's desk unless it is open; one desk per county, also with two servers. */
  void open(String countyCode) {
    int inserted = jdbc.sql("insert into payment_desk (county_code, process_instance_id, started_at) values (?, '', ?)"
            + " on conflict do nothing").params(countyCode, Timestamp.from(clock.instant())).update();
    if (inserted == 0) {
      return;
    }
    String instanceId = asSystem(() -> runtimeService.startProcessInstanceByKey(PROCESS, businessKey(countyCode),
        Map.of("countyCode", countyCode)).getId());
    jdbc.sql("update payment_desk set process_instance_id = ? where county_code = ?").params(instanceId, countyCode)
        .update();
  }

  /** The batch is made: the desk closes, and the next approved application opens a new one. */
  void close(String countyCode, boolean batchMadeElsewhere) {
    jdbc.sql("delete from payment_desk where county_code = ?").param(countyCode).update();
    if (batchMadeElsewhere) {
      asSystem(() -> runtimeService.createMessageCorrelation(BATCH_CREATED_MESSAGE)
          .processInstanceBusinessKey(businessKey(countyCode)).correlateAllWithResult());
    }
  }

  @Override
  public void notify(DelegateTask task) {
    String countyCode = (String) task.getVariable("countyCode");
    PaymentLedger.OpenSummary open = ledger.openSummary(countyCode);
    task.setVariableLocal("countyName", counties.find(countyCode).map(c -> c.name()).orElse(countyCode));
    task.setVariableLocal("openCount", open.count());
    task.setVariableLocal("openTotal", open.total().toPlainString());
    task.setVariableLocal("asOf", java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .format(clock.instant().atZone(clock.getZone())));
  }

  /** Engine calls made for the system, not as the official whose step caused them. */
  private static <T> T asSystem(java.util.concurrent.Callable<T> call) {
    CommandContext context = Context.getCommandContext();
    try {
      return context == null ? call.call() : context.runWithoutAuthorization(call);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
