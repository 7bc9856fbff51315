package cn.subsidy.payment;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationReader;
import cn.subsidy.security.AccessDeniedException;
import cn.subsidy.security.Role;
import cn.subsidy.security.Staff;
import cn.subsidy.web.CsvUpload;
import cn.subsidy.web.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Payments for county finance staff (their county only) and administrators: batches, the bank file,
 * the bank's results, the ledger, cancellations; and the applicant's corrected account after a failed
 * payment.
 */
@RestController
class PaymentController {

  private final PaymentService payments;
  private final PaymentLedger ledger;
  private final ApplicationReader reader;

  PaymentController(PaymentService payments, PaymentLedger ledger, ApplicationReader reader) {
    this.payments = payments;
    this.ledger = ledger;
    this.reader = reader;
  }

  @PostMapping("/api/payments/batches")
  @ResponseStatus(HttpStatus.CREATED)
  PaymentBatch createBatch(@RequestBody(required = false) Map<String, Object> body, Staff staff) {
    Object county = body == null ? null : body.get("countyCode");
    if (!(county instanceof String countyCode) || !countyCode.matches("\\d{6}")) {
      throw new InvalidRequestException("countyCode", "请提供县代码（6位数字）/ countyCode (six digits) is missing.");
    }
    requireFinance(staff, countyCode);
    return payments.createBatch(countyCode, staff.userId(), false);
  }

  @GetMapping("/api/payments/batches")
  List<PaymentBatch> batches(@RequestParam(name = "countyCode", required = false) String countyCode, Staff staff) {
    if (countyCode == null && !staff.isAdmin()) {
      throw new InvalidRequestException("countyCode", "请提供县代码 / countyCode is missing.");
    }
    if (countyCode != null) {
      requireFinance(staff, countyCode);
    }
    return ledger.batches(countyCode);
  }

  @GetMapping("/api/payments/batches/{id}")
  PaymentBatch batch(@PathVariable long id, Staff staff) {
    return visibleBatch(id, staff);
  }

  @GetMapping("/api/payments/batches/{id}/file")
  ResponseEntity<byte[]> bankFile(@PathVariable long id, Staff staff) {
    PaymentBatch batch = visibleBatch(id, staff);
    return csv(BankFile.write(batch), "batch-" + batch.countyCode() + "-" + batch.id() + ".csv");
  }

  @PostMapping(path = "/api/payments/batches/{id}/result",
      consumes = {"text/csv", "text/plain", "application/octet-stream"})
  PaymentService.ResultReport result(@PathVariable long id, @RequestBody byte[] body, Staff staff) {
    visibleBatch(id, staff);
    return payments.recordResults(id, CsvUpload.decode(body), staff.userId());
  }

  @GetMapping("/api/payments/batches.csv")
  ResponseEntity<byte[]> exportBatches(@RequestParam(name = "countyCode", required = false) String countyCode,
      Staff staff) {
    StringBuilder out = new StringBuilder("id,countyCode,status,instructionCount,total,createdAt,createdBy,"
        + "resultsRecordedAt\n");
    for (PaymentBatch b : batches(countyCode, staff)) {
      out.append(b.id()).append(',').append(b.countyCode()).append(',').append(b.status()).append(',')
          .append(b.instructionCount()).append(',').append(b.total().setScale(2).toPlainString()).append(',')
          .append(b.createdAt()).append(',').append(b.createdBy()).append(',')
          .append(b.resultsRecordedAt() == null ? "" : b.resultsRecordedAt()).append('\n');
    }
    return csv(out.toString(), "payment-batches.csv");
  }

  @GetMapping("/api/payments/instructions")
  List<PaymentInstruction> instructions(@RequestParam("countyCode") String countyCode,
      @RequestParam(name = "status", required = false) String status, Staff staff) {
    requireFinance(staff, countyCode);
    return ledger.instructions(countyCode, status == null ? null : status.toUpperCase());
  }

  @PostMapping("/api/payments/instructions/{applicationNo}/cancel")
  Map<String, Object> cancel(@PathVariable String applicationNo, @RequestBody(required = false) Map<String, Object> body,
      Staff staff) {
    if (!staff.isAdmin()) {
      throw new AccessDeniedException("只有管理员可以取消支付指令 / Only administrators may cancel payment instructions.");
    }
    Object reason = body == null ? null : body.get("reason");
    payments.cancel(applicationNo, staff.userId(), reason instanceof String r ? r : null);
    return Map.of("applicationNo", applicationNo, "status", "CANCELLED");
  }

  @PutMapping("/api/applications/{applicationNo}/account")
  Map<String, Object> correctAccount(@PathVariable String applicationNo,
      @RequestHeader(name = "X-Id-Number", required = false) String idNumber,
      @RequestBody(required = false) Map<String, Object> body) {
    Application application = reader.forApplicant(applicationNo, idNumber);
    Object bank = body == null ? null : body.get("bank");
    Object number = body == null ? null : body.get("number");
    List<cn.subsidy.web.FieldProblem> problems = new java.util.ArrayList<>();
    if (!(bank instanceof String b) || b.isBlank() || b.length() > 100) {
      problems.add(new cn.subsidy.web.FieldProblem("bank", "请填写开户银行 / The bank is missing."));
    }
    String digits = number instanceof String n ? n.replace(" ", "") : "";
    if (!digits.matches("\\d{10,30}")) {
      problems.add(new cn.subsidy.web.FieldProblem("number", "账号应为10到30位数字 / The account number must be 10 to 30"
          + " digits."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    payments.correctAccount(application, ((String) bank).strip(), digits);
    return Map.of("applicationNo", applicationNo, "status", "APPROVED");
  }

  private PaymentBatch visibleBatch(long id, Staff staff) {
    PaymentBatch batch = payments.batch(id);
    requireFinance(staff, batch.countyCode());
    return batch;
  }

  private static void requireFinance(Staff staff, String countyCode) {
    if (!staff.hasRoleIn(Role.FINANCE, countyCode)) {
      throw new AccessDeniedException("只有本县财务人员可以办理支付 / Only the county's finance staff may handle its"
          + " payments.");
    }
  }

  private static ResponseEntity<byte[]> csv(String text, String fileName) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(text.getBytes(StandardCharsets.UTF_8));
  }
}
