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
 * each task through the authorization index instead (tens of milliseconds). The connections keep
 * PostgreSQL's default {@code plan_cache_mode = auto}: the task queries of {@link TaskQueryMapping} read
 * the grants through the indexes below whichever plan it picks (same times measured on 100,000 tasks),
 * while forcing a plan per execution re-planned every foreign-key check of Camunda's tables.
 *
 * <p>The task query of {@link TaskQueryMapping} reads an official's grants once per query: those of
 * the user and those of the user's groups, each from an index of its own that holds every column the
 * check reads (a county reviewer's 14,000 grants in 5 ms instead of 40 ms through the whole table).
 * They are created here rather than by a Flyway migration because nothing orders our migrations
 * after Camunda's schema creation (today the engine happens to start first); on an existing database
 * they are built once, while the first server of the new version starts.
 */
@Component
class TaskQueryStatistics {

  static final String USER_GRANTS = "subsidy_idx_auth_user_grants";
  static final String GROUP_GRANTS = "subsidy_idx_auth_group_grants";

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
      createIndexIfMissing(USER_GRANTS, "user_id_");
      createIndexIfMissing(GROUP_GRANTS, "group_id_");
      jdbc.sql("analyze act_ru_authorization").update();
    });
    log.info("Statistics and indexes on task permissions are in place for the officials' task queries");
  }

  /** Grants of one user or group; only the grantee's rows, with every column the task query reads. */
  private void createIndexIfMissing(String name, String grantee) {
    // Looked up first: "create index if not exists" would still wait for the table's writers.
    if (jdbc.sql("select to_regclass(?) is null").param(name).query(Boolean.class).single()) {
      jdbc.sql("create index " + name + " on act_ru_authorization (" + grantee + ", type_)"
          + " include (resource_type_, perms_, resource_id_) where " + grantee + " is not null").update();
    }
  }
}
