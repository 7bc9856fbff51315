package cn.subsidy.payment;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.application.Applications;
import cn.subsidy.application.Reason;
import cn.subsidy.person.Masking;
import cn.subsidy.database.ClusterLock;
import cn.subsidy.web.ConflictException;
import cn.subsidy.web.CsvUpload;
import cn.subsidy.web.InvalidRequestException;
import cn.subsidy.web.NotFoundException;
import cn.subsidy.workflow.ProcessMessages;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 6 of the policy: one instruction per approved application, batches per county, the bank's results,
 * corrected accounts and cancellations. Every change of the ledger is in the transaction of the step
 * that causes it.
 */
@Service
public class PaymentService {

  /** What happened to each line of a result file. */
  public record LineOutcome(long line, String applicationNo, String outcome, boolean changed) {}

  /** The answer to a result upload. */
  public record ResultReport(long batchId, int changed, int unchanged, List<LineOutcome> lines) {}

  static final Map<String, List<String>> RESULT_COLUMNS = new LinkedHashMap<>();

  static {
    RESULT_COLUMNS.put("applicationNo", List.of("applicationNo", "申请编号"));
    RESULT_COLUMNS.put("result", List.of("result", "结果"));
    RESULT_COLUMNS.put("reason", List.of("reason", "原因", "失败原因"));
  }

  private final PaymentLedger ledger;
  private final PaymentDesk desk;
  private final Applications applications;
  private final ApplicationLifecycle lifecycle;
  private final ClusterLock lock;
  private final ProcessMessages messages;
  private final Clock clock;

  PaymentService(PaymentLedger ledger, PaymentDesk desk, Applications applications, ApplicationLifecycle lifecycle,
      ClusterLock lock, ProcessMessages messages, Clock clock) {
    this.ledger = ledger;
    this.desk = desk;
    this.applications = applications;
    this.lifecycle = lifecycle;
    this.lock = lock;
    this.messages = messages;
    this.clock = clock;
  }

  /** The application's one instruction (approval creates it; a retry finds it there and writes nothing). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void createInstruction(String applicationNo) {
    Application application = applications.findForUpdate(applicationNo).orElseThrow();
    if (application.amount() == null) {
      throw new IllegalStateException("Application " + applicationNo + " has no approved amount");
    }
    if (ledger.createInstruction(application, clock.instant())) {
      lifecycle.recordDecision(applicationNo, "PAYMENT_INSTRUCTION", ApplicationLifecycle.SYSTEM, null,
          application.amount().toPlainString());
    }
    desk.open(application.countyCode());
  }

  /** A batch of every open instruction of the county; 409 if there is none. */
  @Transactional
  public PaymentBatch createBatch(String countyCode, String actor, boolean fromDesk) {
    lock.lockInCurrentTransaction("payment-batch:" + countyCode);
    PaymentBatch batch = ledger.createBatch(countyCode, actor, clock.instant())
        .orElseThrow(() -> new ConflictException("本县没有待支付的指令 / County " + countyCode
            + " has no payment instructions waiting for a batch."));
    Map<String, ApplicationStatus> paying = new HashMap<>();
    batch.instructions().forEach(line -> paying.put(line.applicationNo(), ApplicationStatus.PAYING));
    lifecycle.changeStatuses(paying, "PAYMENT_BATCH_" + batch.id(), actor);
    desk.close(countyCode, !fromDesk);
    return batch;
  }

  PaymentBatch batch(long id) {
    return ledger.batch(id).orElseThrow(() -> new NotFoundException("没有这个支付批次 / No payment batch " + id + "."));
  }

  /**
   * Records the bank's result file for a batch, line by line. Lines already recorded, lines of other
   * applications and malformed lines change nothing and say so; the same file twice changes nothing.
   */
  @Transactional
  public ResultReport recordResults(long batchId, String csv, String actor) {
    PaymentBatch batch = ledger.batchForUpdate(batchId)
        .orElseThrow(() -> new NotFoundException("没有这个支付批次 / No payment batch " + batchId + "."));
    Map<String, PaymentBatch.Line> lines = new HashMap<>();
    batch.instructions().forEach(line -> lines.put(line.applicationNo(), line));
    List<LineOutcome> outcomes = new ArrayList<>();
    List<PaymentBatch.Line> results = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    CsvUpload.read(csv, RESULT_COLUMNS, row -> {
      String no = row.get("applicationNo");
      String result = row.get("result").toUpperCase();
      PaymentBatch.Line line = lines.get(no);
      String outcome;
      if (!result.equals("PAID") && !result.equals("FAILED")) {
        outcome = "结果应为 PAID 或 FAILED，未处理 / result must be PAID or FAILED; not recorded";
      } else if (line == null) {
        outcome = "该申请不在本批次中，未处理 / not in this batch; not recorded";
      } else if (!seen.add(no)) {
        outcome = "本文件中重复出现，未处理 / appears twice in this file; not recorded";
      } else if (line.result() != null) {
        outcome = line.result().equals(result) ? "结果已记录过，无变化 / already recorded; unchanged"
            : "已记录为 " + line.result() + "，不再更改 / already recorded as " + line.result() + "; not changed";
      } else {
        String reason = result.equals("FAILED") ? (row.get("reason").isEmpty() ? "银行未说明原因 / no reason given"
            : truncate(row.get("reason"))) : null;
        results.add(new PaymentBatch.Line(no, line.name(), line.bank(), line.accountNumber(), line.amount(), result,
            reason, null));
        outcomes.add(new LineOutcome(row.number(), no, "已记录 " + result + " / recorded " + result, true));
        return;
      }
      outcomes.add(new LineOutcome(row.number(), no, outcome, false));
    });
    Instant now = clock.instant();
    ledger.recordResults(batchId, results, now);
    Map<String, ApplicationStatus> statuses = new HashMap<>();
    results.forEach(r -> statuses.put(r.applicationNo(),
        r.result().equals("PAID") ? ApplicationStatus.PAID : ApplicationStatus.PAYMENT_FAILED));
    lifecycle.changeStatuses(statuses, "BANK_RESULT_" + batchId, actor);
    results.stream().filter(r -> r.reason() != null).forEach(r -> lifecycle.recordDecision(r.applicationNo(),
        "PAYMENT_FAILED_REASON", actor, "FAILED", r.reason()));
    messages.send(results.stream().map(r -> bankResult(r.applicationNo(), r.result())).toList());
    return new ResultReport(batchId, results.size(), outcomes.size() - results.size(), outcomes);
  }

  /** The applicant's corrected account after a failed payment: a new attempt in a later batch. */
  @Transactional
  public void correctAccount(Application application, String bank, String accountNumber) {
    Application locked = applications.findForUpdate(application.applicationNo()).orElseThrow();
    PaymentInstruction instruction = ledger.instructionForUpdate(locked.applicationNo()).orElse(null);
    if (locked.status() != ApplicationStatus.PAYMENT_FAILED || instruction == null
        || instruction.status() != PaymentInstruction.InstructionStatus.FAILED) {
      throw new ConflictException("只有支付失败的申请才能更正收款账户 / The account can be corrected only after a failed"
          + " payment.");
    }
    Instant now = clock.instant();
    applications.updateAccount(locked.applicationNo(), bank, accountNumber);
    ledger.reopen(locked.applicationNo(), bank, accountNumber, now);
    lifecycle.recordDecision(locked.applicationNo(), "ACCOUNT_CORRECTED", "applicant", null,
        bank + " " + Masking.tail(accountNumber));
    lifecycle.changeStatus(locked.applicationNo(), ApplicationStatus.APPROVED, "ACCOUNT_CORRECTED", "applicant");
    messages.send(List.of(new ProcessMessages.Message(locked.applicationNo(), "AccountCorrected", Map.of())));
    desk.open(locked.countyCode());
  }

  /** An administrator cancels an instruction that is not in a batch, with a reason; audited. */
  @Transactional
  public void cancel(String applicationNo, String actor, String reason) {
    if (reason == null || reason.isBlank() || reason.length() > 500) {
      throw new InvalidRequestException("reason", "请写明取消的理由（不超过500字）/ Give the reason (at most 500"
          + " characters).");
    }
    Application application = applications.findForUpdate(applicationNo)
        .orElseThrow(() -> new NotFoundException("没有这个申请 / No such application."));
    PaymentInstruction instruction = ledger.instructionForUpdate(applicationNo)
        .orElseThrow(() -> new NotFoundException("该申请没有支付指令 / The application has no payment instruction."));
    if (instruction.status() != PaymentInstruction.InstructionStatus.OPEN
        && instruction.status() != PaymentInstruction.InstructionStatus.FAILED) {
      throw new ConflictException("支付指令当前为 " + instruction.status() + "，不能取消（已在批次中或已办结）/ An instruction"
          + " that is " + instruction.status() + " cannot be cancelled.");
    }
    ledger.cancel(applicationNo, actor, reason.strip(), clock.instant());
    lifecycle.recordDecision(applicationNo, "PAYMENT_CANCELLED", actor, "CANCEL", reason.strip());
    lifecycle.setReasons(application.applicationNo(), List.of(new Reason("PAYMENT_CANCELLED",
        "支付已由管理员取消：" + reason.strip() + " / The payment was cancelled by an administrator: " + reason.strip())));
    messages.send(List.of(bankResult(applicationNo, "CANCELLED")));
  }

  /** The message that moves the application's payment process on: PAID, FAILED or CANCELLED. */
  private static ProcessMessages.Message bankResult(String applicationNo, String result) {
    return new ProcessMessages.Message(applicationNo, "BankResult", Map.of("paymentResult", result));
  }

  private static String truncate(String text) {
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
