package cn.subsidy.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of the payment ledger: what is owed to whom, and where it stands. */
public record PaymentInstruction(long id, String applicationNo, String countyCode, String name, String bank,
    String accountNumber, BigDecimal amount, InstructionStatus status, Long batchId, int attempts,
    String failureReason, Instant createdAt, Instant updatedAt) {

  /** Where an instruction stands. */
  public enum InstructionStatus { OPEN, BATCHED, PAID, FAILED, CANCELLED }
}
