package cn.subsidy.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What keeps the officials' task lists fast with many open tasks (measured by the benchmark): the
 * statistics on the permission bits and the indexes of the grants; and connections that reuse plans.
 */
@IntegrationTest
class TaskQueryStatisticsTest {

  @Autowired JdbcClient jdbc;

  @Test
  void thePlannerKnowsHowManyAuthorizationsGrantRead() {
    assertThat(jdbc.sql("select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass")
        .query(String.class).list()).contains("act_ru_authorization_perms");
    assertThat(jdbc.sql("select count(*) from pg_stats_ext_exprs where statistics_name = 'act_ru_authorization_perms'")
        .query(Long.class).single()).as("analyzed: one row of statistics per expression").isEqualTo(2);
  }

  /**
   * A connection that forces a plan per execution re-plans PostgreSQL's foreign-key checks each time
   * (eleven when Camunda deletes an execution: 2.4 ms instead of 0.5 ms per delete under load).
   */
  @Test
  void connectionsLetPostgresqlReuseItsPlans() {
    assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
  }

  /**
   * Each index holds every column that the task query's grants read (an index-only scan, as on the
   * benchmark's 100,000 authorizations), for the rows of one kind of grantee only. On the demo's few
   * authorizations the planner may prefer another index, so the definitions are checked here.
   */
  @Test
  void aUsersAndAGroupsGrantsCanBeReadFromIndexesAlone() {
    for (var index : List.of(List.of(TaskQueryStatistics.USER_GRANTS, "user_id_"),
        List.of(TaskQueryStatistics.GROUP_GRANTS, "group_id_"))) {
      assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = ?").param(index.get(0))
          .query(String.class).single())
          .contains("act_ru_authorization USING btree (" + index.get(1) + ", type_)")
          .contains("INCLUDE (resource_type_, perms_, resource_id_)")
          .contains("WHERE (" + index.get(1) + " IS NOT NULL)");
    }
  }
}
