package cn.subsidy.database;

import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in one transaction while holding a PostgreSQL advisory lock, so that several instances on
 * one database never do the same set-up or batch at once.
 */
@Component
public class ClusterLock {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  ClusterLock(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  public <T> T callExclusively(String lockName, Supplier<T> work) {
    return transactions.execute(status -> {
      lockInCurrentTransaction(lockName);
      return work.get();
    });
  }

  public void runExclusively(String lockName, Runnable work) {
    callExclusively(lockName, () -> {
      work.run();
      return null;
    });
  }

  /** Takes the lock until the surrounding transaction ends. */
  public void lockInCurrentTransaction(String lockName) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(lockName).query((rs, n) -> 0).list();
  }
}
