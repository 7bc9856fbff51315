package cn.subsidy.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.subsidy.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bank result file stores thousands of process messages at once. Delivering each must find the next
 * message through the index of its application, not by checking every pending message, which is what
 * PostgreSQL does on statistics from before the store (14 ms per delivery with 10,000 pending).
 */
@IntegrationTest
class ProcessMessageStatisticsTest {


  @Autowired ProcessMessages messages;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  @Test
  void aLargeStoreRenewsTheStatisticsSoThatEachDeliveryUsesTheIndexOfItsApplication() {
    // Autovacuum would renew them too, at a moment of its own (within a minute or so on a small table):
    // off for this table while the test runs, so that only the application's own renewal counts.
    List<ProcessMessages.Message> bankResults = IntStream.range(0, ProcessMessageDispatcher.ANALYZE_FROM)
        .mapToObj(i -> new ProcessMessages.Message("STATS-" + i, "BankResult", Map.of("paymentResult", "PAID")))
        .toList();
    try {
      jdbc.sql("alter table process_message set (autovacuum_enabled = false)").update();
      jdbc.sql("analyze process_message").update();
      assertThat(looksUpEachApplication()).as("planned on statistics without these pending messages").isFalse();
      transactions.executeWithoutResult(status -> messages.send(bankResults));
      await().atMost(Duration.ofSeconds(10)).until(this::looksUpEachApplication);
    } finally {
      jdbc.sql("delete from process_message where business_key like 'STATS-%'").update();
      jdbc.sql("alter table process_message reset (autovacuum_enabled)").update();
    }
  }

  /** Whether the plan for the next message looks up earlier messages by the candidate's application. */
  private boolean looksUpEachApplication() {
    return jdbc.sql("explain " + ProcessMessageDispatcher.NEXT_MESSAGE).param(Timestamp.from(Instant.now()))
        .query(String.class).list().stream()
        .anyMatch(line -> line.contains("Index Cond") && line.contains("business_key)::text = (m.business_key)"));
  }
}
