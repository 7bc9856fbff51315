package cn.subsidy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures mean "the database went away" (503, retry) rather than a fault of ours (500). */
class LostConnectionTest {

  @Test
  void aDeadConnectionInAnyDisguiseIsADatabaseOutage() {
    TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
        new SQLException("Connection is closed"));
    assertThat(ApiExceptionHandler.lostConnection(rollbackFailed)).isTrue();
    TransactionSystemException hidingTheCause = new TransactionSystemException("JDBC rollback failed");
    hidingTheCause.initApplicationException(new SQLException("An I/O error occurred", "08006"));
    assertThat(ApiExceptionHandler.lostConnection(hidingTheCause)).isTrue();
    assertThat(ApiExceptionHandler.lostConnection(new ProcessEngineException("engine",
        new SQLTransientConnectionException("pool timeout")))).isTrue();
    assertThat(ApiExceptionHandler.lostConnection(new ProcessEngineException("engine",
        new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
  }

  @Test
  void realFaultsStayFaults() {
    assertThat(ApiExceptionHandler.lostConnection(new DataIntegrityViolationException("duplicate",
        new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(ApiExceptionHandler.lostConnection(new ProcessEngineException("no such bean"))).isFalse();
    assertThat(ApiExceptionHandler.lostConnection(new TransactionSystemException("commit failed",
        new SQLException("serialization failure", "40001")))).isFalse();
  }
}
