package cn.subsidy.report;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The applications a report counts, as the SQL common table expression {@code app}: the caller's scope
 * and the filter, with the month of submission in the product's time zone. Every table's query starts
 * with it, so every table counts the same applications.
 */
final class ReportQuery {

  private final List<String> conditions = new ArrayList<>();
  private final Map<String, Object> params = new HashMap<>();

  ReportQuery(ReportScope scope, ReportFilter filter, ZoneId zone) {
    params.put("zone", zone.getId());
    if (!scope.all()) {
      // Codes are digits only (group ids are checked by their pattern), so a joined list is safe to split.
      conditions.add("(a.county_code = any(string_to_array(:scopeCounties, ','))"
          + " or substring(a.county_code from 1 for 2) = any(string_to_array(:scopeProvinces, ',')))");
      params.put("scopeCounties", String.join(",", scope.counties()));
      params.put("scopeProvinces", String.join(",", scope.provinces()));
    }
    if (filter.countyCode() != null) {
      conditions.add("a.county_code = :county");
      params.put("county", filter.countyCode());
    }
    if (filter.type() != null) {
      conditions.add("a.type = :type");
      params.put("type", filter.type().name());
    }
    if (filter.status() != null) {
      conditions.add("a.status = :status");
      params.put("status", filter.status().name());
    }
    if (filter.from() != null) {
      conditions.add("a.submitted_at >= :from");
      params.put("from", Timestamp.from(filter.from().atDay(1).atStartOfDay(zone).toInstant()));
    }
    if (filter.to() != null) {
      conditions.add("a.submitted_at < :to");
      params.put("to", Timestamp.from(filter.to().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()));
    }
  }

  /** {@code with app as (...)}, to be followed by the table's own select. */
  String with() {
    return """
        with app as (
          select a.application_no, a.county_code, a.type, a.status, a.amount, a.name, a.submitted_at,
            to_char(a.submitted_at at time zone :zone, 'YYYY-MM') as month
          from application a
          where %s
        )
        """.formatted(conditions.isEmpty() ? "true" : String.join(" and ", conditions));
  }

  /** The same conditions on the county table's {@code c.code}, for tables that list counties without applications. */
  String countyCondition() {
    List<String> parts = new ArrayList<>();
    if (params.containsKey("scopeCounties")) {
      parts.add("(c.code = any(string_to_array(:scopeCounties, ','))"
          + " or c.province_code = any(string_to_array(:scopeProvinces, ',')))");
    }
    if (params.containsKey("county")) {
      parts.add("c.code = :county");
    }
    return parts.isEmpty() ? "true" : String.join(" and ", parts);
  }

  Map<String, Object> params() {
    return params;
  }
}
