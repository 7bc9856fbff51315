package cn.subsidy.workflow;

import cn.subsidy.database.RecordRows;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers stored process messages: right after the transaction that stored them commits, and on a
 * schedule for those whose process was not waiting yet. Each message is taken under a row lock that
 * other servers skip, delivered and marked delivered in one transaction, so it is delivered exactly once;
 * a message whose process does not wait for it yet is tried again later, and messages of one application
 * are delivered in the order they were stored.
 */
@Component
class ProcessMessageDispatcher {

  private static final Logger log = LoggerFactory.getLogger(ProcessMessageDispatcher.class);

  private final JdbcClient jdbc;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Duration retryAfter;
  private final int workers;
  private final ExecutorService pool;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicBoolean analyze = new AtomicBoolean();

  /**
   * From this many messages stored at once (a bank result file, say), PostgreSQL's statistics of the
   * outbox are renewed before delivery. Planned on statistics from before such a store (autovacuum renews
   * them within a minute or so, and not at all once the table is ten times larger than the store), the
   * query for the next message checked every pending message for an earlier one of the same application:
   * 14 ms per delivery with 10,000 pending, where the index on (application, id) takes 0.1 ms.
   */
  static final int ANALYZE_FROM = 500;

  /** The next message due whose application has no earlier undelivered one, locked for this delivery. */
  static final String NEXT_MESSAGE = """
      select m.id, m.business_key, m.message_name, m.variables from process_message m
      where m.delivered_at is null and m.next_attempt_at <= ?
        and not exists (select 1 from process_message earlier where earlier.business_key = m.business_key
                        and earlier.delivered_at is null and earlier.id < m.id)
      order by m.next_attempt_at, m.id limit 1 for update skip locked
      """;

  ProcessMessageDispatcher(JdbcClient jdbc, RuntimeService runtimeService, TransactionTemplate transactions,
      Clock clock, @Value("${subsidy.process-messages.retry-after:PT10S}") Duration retryAfter,
      @Value("${subsidy.process-messages.workers:2}") int workers) {
    this.jdbc = jdbc;
    this.runtimeService = runtimeService;
    this.transactions = transactions;
    this.clock = clock;
    this.retryAfter = retryAfter;
    this.workers = workers;
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread thread = new Thread(r, "process-messages");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Stops sending before the database goes away with the application. */
  @PreDestroy
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(10, TimeUnit.SECONDS);
  }

  @TransactionalEventListener(fallbackExecution = true)
  void afterCommit(ProcessMessages.Stored stored) {
    if (stored.count() >= ANALYZE_FROM) {
      analyze.set(true);
    }
    start();
  }

  @Scheduled(fixedDelayString = "${subsidy.process-messages.poll-interval:PT5S}")
  void poll() {
    start();
  }

  private void start() {
    while (true) {
      int now = running.get();
      if (now >= workers) {
        return;
      }
      if (running.compareAndSet(now, now + 1)) {
        pool.submit(() -> {
          try {
            deliverAll();
          } finally {
            running.decrementAndGet();
          }
        });
      }
    }
  }

  /** Delivers until nothing is due; returns how many messages were delivered. */
  int deliverAll() {
    int delivered = 0;
    while (true) {
      // Checked before every delivery: a worker that is busy with earlier messages renews them as well.
      if (analyze.getAndSet(false)) {
        try {
          jdbc.sql("analyze process_message").update(); // outside a transaction: it commits at once
        } catch (RuntimeException e) {
          log.warn("Renewing the outbox's statistics failed; delivery goes on", e);
        }
      }
      Outcome outcome;
      try {
        outcome = transactions.execute(status -> deliverNext());
      } catch (RuntimeException e) {
        log.warn("Delivering a process message failed; it is tried again later", e);
        return delivered;
      }
      if (outcome == Outcome.NOTHING_DUE) {
        return delivered;
      }
      if (outcome == Outcome.DELIVERED) {
        delivered++;
      }
    }
  }

  enum Outcome { DELIVERED, NOT_WAITING, NOTHING_DUE }

  private Outcome deliverNext() {
    Timestamp now = Timestamp.from(clock.instant());
    Pending message = jdbc.sql(NEXT_MESSAGE).param(now).query(RecordRows.of(Pending.class)).optional().orElse(null);
    if (message == null) {
      return Outcome.NOTHING_DUE;
    }
    boolean waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(message.businessKey())
        .messageEventSubscriptionName(message.messageName()).count() > 0;
    if (!waiting) {
      jdbc.sql("update process_message set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
          .params(Timestamp.from(clock.instant().plus(retryAfter)), "no process waits for " + message.messageName(),
              message.id())
          .update();
      return Outcome.NOT_WAITING;
    }
    runtimeService.createMessageCorrelation(message.messageName()).processInstanceBusinessKey(message.businessKey())
        .setVariables(ProcessMessages.variables(message.variables())).correlateWithResult();
    jdbc.sql("update process_message set delivered_at = ?, attempts = attempts + 1 where id = ?")
        .params(now, message.id()).update();
    return Outcome.DELIVERED;
  }

  record Pending(long id, String businessKey, String messageName, String variables) {}
}
