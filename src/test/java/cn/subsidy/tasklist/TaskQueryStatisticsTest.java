package cn.subsidy.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What keeps the officials' task lists fast with many open tasks (measured by the benchmark): the
 * statistics on the permission bits, and connections that plan with the actual parameters.
 */
@IntegrationTest
class TaskQueryStatisticsTest {

  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @Test
  void thePlannerKnowsHowManyAuthorizationsGrantReadAndPlansForTheActualValues() {
    assertThat(jdbc.sql("select stxname from pg_statistic_ext where stxrelid = 'act_ru_authorization'::regclass")
        .query(String.class).list()).contains("act_ru_authorization_perms");
    assertThat(jdbc.sql("select count(*) from pg_stats_ext_exprs where statistics_name = 'act_ru_authorization_perms'")
        .query(Long.class).single()).as("analyzed: one row of statistics per expression").isEqualTo(2);
    assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("force_custom_plan");
  }

  @Test
  void aUsersAndAGroupsGrantsAreReadFromIndexesAlone() {
    assertThat(jdbc.sql("select indexname from pg_indexes where tablename = 'act_ru_authorization'")
        .query(String.class).list()).contains(TaskQueryStatistics.USER_GRANTS, TaskQueryStatistics.GROUP_GRANTS);
    String grants = "select a.resource_id_ from act_ru_authorization a where a.type_ < 2"
        + " and a.%s in ('reviewer532527', 'reviewers532527') and (a.resource_type_ = 7 and a.perms_ & 2 = 2"
        + " or a.resource_type_ = 6 and a.perms_ & 64 = 64)";
    for (var index : List.of(List.of("user_id_", TaskQueryStatistics.USER_GRANTS),
        List.of("group_id_", TaskQueryStatistics.GROUP_GRANTS))) {
      // The demo's authorizations fit in a page or two, where a sequential scan is cheapest: the
      // question here is whether the index alone can answer the task query's grants.
      String plan = transactions.execute(status -> {
        jdbc.sql("set local enable_seqscan = off").update();
        jdbc.sql("set local enable_bitmapscan = off").update();
        return String.join("\n", jdbc.sql("explain " + grants.formatted(index.get(0))).query(String.class).list());
      });
      assertThat(plan).contains("Index Only Scan using " + index.get(1));
    }
  }
}
