package cn.subsidy.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What keeps the officials' task lists fast with many open tasks (measured by the benchmark): the
 * statistics on the permission bits, and connections that plan with the actual parameters.
 */
@IntegrationTest
class TaskQueryStatisticsTest {

  @Autowired JdbcClient jdbc;

  @Test
  void thePlannerKnowsHowManyAuthorizationsGrantReadAndPlansForTheActualValues() {
    assertThat(jdbc.sql("select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass")
        .query(String.class).list()).contains("act_ru_authorization_perms");
    assertThat(jdbc.sql("select count(*) from pg_stats_ext_exprs where statistics_name = 'act_ru_authorization_perms'")
        .query(Long.class).single()).as("analyzed: one row of statistics per expression").isEqualTo(2);
    assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
  }
}
