package cn.subsidy.tasklist;

import cn.subsidy.database.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps officials' task lists fast when many tasks are open. Every task of a county carries one
 * authorization row for its candidate group, and Camunda's task query checks a permission bit of those
 * rows ({@code PERMS_ & 2 = 2}). PostgreSQL guesses that such an expression matches 0.5 % of the rows,
 * so with 100,000 open tasks it planned a join that compared every task with every authorization of the
 * county (minutes per Tasklist page). Statistics on the permission bits give it the truth, and it checks
 * each task through the authorization index instead (tens of milliseconds). The statistics must be
 * used with the query's actual values, so the connections plan each statement for its parameters
 * ({@code plan_cache_mode = force_custom_plan}, in {@code application.yaml}).
 */
@Component
class TaskQueryStatistics {

  private static final Logger log = LoggerFactory.getLogger(TaskQueryStatistics.class);

  private final JdbcClient jdbc;
  private final ClusterLock lock;

  TaskQueryStatistics(JdbcClient jdbc, ClusterLock lock) {
    this.jdbc = jdbc;
    this.lock = lock;
  }

  /** After the engine has created its tables; idempotent, and one server at a time. */
  @EventListener(ApplicationStartedEvent.class)
  void create() {
    lock.runExclusively("task-query-statistics", () -> {
      jdbc.sql("create statistics if not exists act_ru_authorization_perms on (perms_ & 2), (perms_ & 64)"
          + " from act_ru_authorization").update();
      jdbc.sql("analyze act_ru_authorization").update();
    });
    log.info("Statistics on task permissions are in place for the officials' task queries");
  }
}
