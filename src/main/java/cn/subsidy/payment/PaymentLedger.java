package cn.subsidy.payment;

import cn.subsidy.application.Application;
import cn.subsidy.database.RecordRows;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payment ledger's tables: instructions, batches and their lines. */
@Repository
class PaymentLedger {

  private static final String INSTRUCTION = "select id, application_no, county_code, name, bank, account_number, amount,"
      + " status, batch_id, attempts, failure_reason, created_at, updated_at from payment_instruction";
  private static final String BATCH = "select id, county_code, status, instruction_count, total, created_at, created_by,"
      + " results_recorded_at from payment_batch";

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;

  PaymentLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
  }

  /** Writes the application's one instruction; a second attempt (retry, re-delivery) writes nothing. */
  boolean createInstruction(Application a, Instant now) {
    return jdbc.sql("""
        insert into payment_instruction (application_no, county_code, name, bank, account_number, amount, status,
          created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) on conflict (application_no) do nothing
        """).params(a.applicationNo(), a.countyCode(), a.name(), a.bank(), a.accountNumber(), a.amount(),
            Timestamp.from(now), Timestamp.from(now)).update() == 1;
  }

  Optional<PaymentInstruction> instruction(String applicationNo) {
    return jdbc.sql(INSTRUCTION + " where application_no = ?").param(applicationNo)
        .query(RecordRows.of(PaymentInstruction.class)).optional();
  }

  Optional<PaymentInstruction> instructionForUpdate(String applicationNo) {
    return jdbc.sql(INSTRUCTION + " where application_no = ? for update").param(applicationNo)
        .query(RecordRows.of(PaymentInstruction.class)).optional();
  }

  List<PaymentInstruction> instructions(String countyCode, String status) {
    return jdbc.sql(INSTRUCTION + " where county_code = ? and (? is null or status = ?) order by id")
        .params(countyCode, status, status).query(RecordRows.of(PaymentInstruction.class)).list();
  }

  /** How many open instructions a county has and what they add up to. */
  record OpenSummary(int count, BigDecimal total) {}

  OpenSummary openSummary(String countyCode) {
    return jdbc.sql("select count(*), coalesce(sum(amount), 0) from payment_instruction where county_code = ?"
            + " and status = 'OPEN'")
        .param(countyCode).query((rs, n) -> new OpenSummary(rs.getInt(1), rs.getBigDecimal(2))).single();
  }

  /**
   * Puts every open instruction of the county into a new batch, in one statement: an instruction moved
   * by a concurrent batch is no longer open and is skipped, so each lands in exactly one batch.
   */
  Optional<PaymentBatch> createBatch(String countyCode, String actor, Instant now) {
    long batchId = jdbc.sql("insert into payment_batch (county_code, status, instruction_count, total, created_at,"
            + " created_by) values (?, 'SENT', 0, 0, ?, ?) returning id")
        .params(countyCode, Timestamp.from(now), actor).query(Long.class).single();
    int count = jdbc.sql("""
        with moved as (
          update payment_instruction set status = 'BATCHED', batch_id = ?, attempts = attempts + 1, updated_at = ?
          where county_code = ? and status = 'OPEN'
          returning id, application_no, name, bank, account_number, amount)
        insert into payment_line (batch_id, application_no, instruction_id, name, bank, account_number, amount)
        select ?, application_no, id, name, bank, account_number, amount from moved
        """).params(batchId, Timestamp.from(now), countyCode, batchId).update();
    if (count == 0) {
      jdbc.sql("delete from payment_batch where id = ?").param(batchId).update();
      return Optional.empty();
    }
    jdbc.sql("update payment_batch set instruction_count = ?, total = (select sum(amount) from payment_line"
            + " where batch_id = ?) where id = ?").params(count, batchId, batchId).update();
    return batch(batchId);
  }

  Optional<PaymentBatch> batch(long id) {
    return jdbc.sql(BATCH + " where id = ?").param(id).query((rs, n) -> new PaymentBatch(rs.getLong("id"),
        rs.getString("county_code"), rs.getString("status"), rs.getInt("instruction_count"), rs.getBigDecimal("total"),
        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
        rs.getTimestamp("results_recorded_at") == null ? null : rs.getTimestamp("results_recorded_at").toInstant(),
        List.of())).optional().map(b -> b.withLines(lines(id)));
  }

  Optional<PaymentBatch> batchForUpdate(long id) {
    jdbc.sql("select id from payment_batch where id = ? for update").param(id).query(Long.class).optional();
    return batch(id);
  }

  List<PaymentBatch> batches(String countyCode) {
    return jdbc.sql(BATCH + " where (? is null or county_code = ?) order by id desc").params(countyCode, countyCode)
        .query((rs, n) -> new PaymentBatch(rs.getLong("id"), rs.getString("county_code"), rs.getString("status"),
            rs.getInt("instruction_count"), rs.getBigDecimal("total"), rs.getTimestamp("created_at").toInstant(),
            rs.getString("created_by"), rs.getTimestamp("results_recorded_at") == null ? null
                : rs.getTimestamp("results_recorded_at").toInstant(), List.of()))
        .list();
  }

  List<PaymentBatch.Line> lines(long batchId) {
    return jdbc.sql("select application_no, name, bank, account_number, amount, result, reason, result_at"
            + " from payment_line where batch_id = ? order by application_no")
        .param(batchId).query(RecordRows.of(PaymentBatch.Line.class)).list();
  }

  /** Records the bank's answers for lines that had none yet, and moves their instructions on. */
  void recordResults(long batchId, List<PaymentBatch.Line> results, Instant now) {
    jdbcTemplate.batchUpdate("update payment_line set result = ?, reason = ?, result_at = ? where batch_id = ?"
        + " and application_no = ? and result is null", results, 1000, (ps, r) -> {
          ps.setString(1, r.result());
          ps.setString(2, r.reason());
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setLong(4, batchId);
          ps.setString(5, r.applicationNo());
        });
    jdbcTemplate.batchUpdate("update payment_instruction set status = ?, failure_reason = ?, updated_at = ?"
        + " where application_no = ? and batch_id = ? and status = 'BATCHED'", results, 1000, (ps, r) -> {
          ps.setString(1, r.result());
          ps.setString(2, r.reason());
          ps.setTimestamp(3, Timestamp.from(now));
          ps.setString(4, r.applicationNo());
          ps.setLong(5, batchId);
        });
    jdbc.sql("update payment_batch set status = 'RESULTS_RECORDED', results_recorded_at = ? where id = ?"
            + " and not exists (select 1 from payment_line where batch_id = ? and result is null)")
        .params(Timestamp.from(now), batchId, batchId).update();
  }

  /** A failed instruction goes back to open with the corrected account, for a later batch. */
  void reopen(String applicationNo, String bank, String accountNumber, Instant now) {
    jdbc.sql("update payment_instruction set status = 'OPEN', bank = ?, account_number = ?, batch_id = null,"
            + " failure_reason = null, updated_at = ? where application_no = ? and status = 'FAILED'")
        .params(bank, accountNumber, Timestamp.from(now), applicationNo).update();
  }

  void cancel(String applicationNo, String actor, String reason, Instant now) {
    jdbc.sql("update payment_instruction set status = 'CANCELLED', cancelled_by = ?, cancel_reason = ?,"
            + " updated_at = ? where application_no = ? and status in ('OPEN', 'FAILED')")
        .params(actor, reason, Timestamp.from(now), applicationNo).update();
    jdbc.sql("insert into payment_audit (application_no, action, actor, reason, at) values (?, 'CANCEL', ?, ?, ?)")
        .params(applicationNo, actor, reason, Timestamp.from(now)).update();
  }
}
