package cn.subsidy.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A batch sent to the bank: the instructions of one county at one time. */
public record PaymentBatch(long id, String countyCode, String status, int instructionCount, BigDecimal total,
    Instant createdAt, String createdBy, Instant resultsRecordedAt, List<Line> instructions) {

  /** One payment in the batch, as sent, and the bank's answer once known. */
  public record Line(String applicationNo, String name, String bank, String accountNumber, BigDecimal amount,
      String result, String reason, Instant resultAt) {}

  PaymentBatch withLines(List<Line> lines) {
    return new PaymentBatch(id, countyCode, status, instructionCount, total, createdAt, createdBy, resultsRecordedAt,
        lines);
  }
}
