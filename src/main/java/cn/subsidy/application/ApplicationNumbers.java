package cn.subsidy.application;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Human-readable application numbers: county code, year, and a gap-free sequence per county and
 * year, e.g. {@code 532527-2026-000042}. The counter row is locked until the submission commits, so
 * two servers never hand out the same number, and a rolled-back submission leaves no gap.
 */
@Component
class ApplicationNumbers {

  private final JdbcClient jdbc;

  ApplicationNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String next(String countyCode, int year) {
    int sequence = jdbc.sql("""
        insert into application_counter (county_code, year, last_value) values (?, ?, 1)
        on conflict (county_code, year) do update set last_value = application_counter.last_value + 1
        returning last_value
        """).params(countyCode, year).query(Integer.class).single();
    return format(countyCode, year, sequence);
  }

  static String format(String countyCode, int year, int sequence) {
    return String.format("%s-%d-%06d", countyCode, year, sequence);
  }
}
