package cn.subsidy.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.support.IntegrationTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of PostgreSQL mapped to records as Spring's mapper maps them, without asking for missing columns. */
@IntegrationTest
class RecordRowsTest {

  record Row(String applicationNo, ApplicationStatus status, Instant submittedAt, LocalDate applicationDate,
      BigDecimal amount, Integer trainingDays, boolean pledge, long id) {}

  private static final String ROWS = """
      select * from (values
        ('532527-2026-000001', 'PAID', timestamptz '2026-03-01 08:30:00+08', date '2026-03-01', 1234.50, null::int,
         true, 7),
        ('141129-2026-000002', 'SUBMITTED', timestamptz '2026-04-02 10:00:00+08', date '2026-04-02', null, 30, false, 8))
        as r(application_no, status, submitted_at, application_date, amount, training_days, pledge, id)
      order by id
      """;

  @Autowired JdbcClient jdbc;
  @Autowired JdbcTemplate template;

  @Test
  void componentsComeFromTheirSnakeCaseColumnsConvertedAsSpringConvertsThem() {
    List<Row> rows = jdbc.sql(ROWS).query(RecordRows.of(Row.class)).list();
    assertThat(rows).containsExactly(
        new Row("532527-2026-000001", ApplicationStatus.PAID, Instant.parse("2026-03-01T00:30:00Z"),
            LocalDate.of(2026, 3, 1), new BigDecimal("1234.50"), null, true, 7),
        new Row("141129-2026-000002", ApplicationStatus.SUBMITTED, Instant.parse("2026-04-02T02:00:00Z"),
            LocalDate.of(2026, 4, 2), null, 30, false, 8));
    // The same answer as JdbcClient's own mapping of a class.
    assertThat(jdbc.sql(ROWS).query(Row.class).list()).isEqualTo(rows);
  }

  @Test
  void columnsNamedLikeTheComponentsInAnyOrderAndCaseAreTakenToo() {
    Row row = jdbc.sql("select 9 as ID, false as pledge, 12 as TrainingDays, null as amount, current_date as"
        + " applicationdate, now() as submittedAt, 'REJECTED' as status, 'x' as \"applicationNo\"")
        .query(RecordRows.of(Row.class)).single();
    assertThat(row.id()).isEqualTo(9);
    assertThat(row.trainingDays()).isEqualTo(12);
    assertThat(row.status()).isEqualTo(ApplicationStatus.REJECTED);
    assertThat(row.applicationNo()).isEqualTo("x");
  }

  @Test
  void aMissingColumnIsNamedInTheError() {
    assertThatThrownBy(() -> jdbc.sql("select 'x' as application_no").query(RecordRows.of(Row.class)).list())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("status").hasMessageContaining("Row");
  }

  @Test
  void theDriverNeverThrowsWhileRowsAreMapped() {
    // Spring's mapper asks for "applicationNo" first and catches the driver's exception for each such
    // component of each row, and for an Instant first asks for one, which the driver refuses; this mapper
    // reads the result's column names, and an Instant as a timestamp.
    RowMapper<Row> mapper = RecordRows.of(Row.class);
    List<Row> rows = template.query(ROWS, rs -> {
      ResultSet withoutFindColumn = (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ResultSet.class}, (proxy, method, args) -> {
            if (method.getName().equals("findColumn")) {
              throw new AssertionError("findColumn(" + args[0] + ")");
            }
            try {
              return method.invoke(rs, args);
            } catch (InvocationTargetException e) {
              throw new AssertionError("the driver threw while mapping", e.getCause());
            }
          });
      List<Row> mapped = new ArrayList<>();
      while (withoutFindColumn.next()) {
        mapped.add(mapper.mapRow(withoutFindColumn, mapped.size()));
      }
      return mapped;
    });
    assertThat(rows).extracting(Row::id).containsExactly(7L, 8L);
  }
}
