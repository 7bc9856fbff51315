package cn.subsidy.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Copies rows the engine wrote for a few template instances many times over in SQL
 * ({@code generate_series}), so that a load the engine would need minutes for takes seconds. Every text
 * column whose value is the id of a copied row (execution, task, variable, identity link, authorization,
 * history row...) gets a new id of the same length in the copy (see {@link #copyId}), so copies reference their own rows exactly
 * as the template's rows reference each other; columns may also be given an SQL expression of {@code g}
 * (the copy's number) and {@code t} (the template row).
 */
final class RowCloner {

  /** Rows of {@code table} selected by {@code where} (over alias {@code t}). */
  record Rows(String table, String where) {}

  private final DataSource database;
  private final List<Rows> rows = new ArrayList<>();
  private final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();

  RowCloner(DataSource database) {
    this.database = database;
  }

  RowCloner rows(String table, String where) {
    rows.add(new Rows(table, where));
    return this;
  }

  /** In every copied table that has {@code column}, its value is {@code expression} instead. */
  RowCloner override(String column, String expression) {
    overrides.computeIfAbsent("*", k -> new LinkedHashMap<>()).put(column, expression);
    return this;
  }

  RowCloner override(String table, String column, String expression) {
    overrides.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(column, expression);
    return this;
  }

  /** Inserts {@code copies} copies of every selected row; returns rows inserted per table. */
  Map<String, Integer> copy(int copies) {
    Map<String, Integer> inserted = new LinkedHashMap<>();
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      Set<String> ids = new HashSet<>();
      for (Rows r : rows) {
        try (ResultSet rs = statement.executeQuery("select t.id_ from " + r.table() + " t where " + r.where())) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      String idList = ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(","));
      for (Rows r : rows) {
        Map<String, String> columns = columns(connection, r.table());
        // Which values are ids is decided once per template row, not once per copy.
        List<String> flags = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        columns.forEach((column, type) -> {
          boolean text = type.contains("char") || type.equals("text");
          if (text && !idList.isEmpty()) {
            flags.add("t." + column + " in (" + idList + ") as " + column + "__is_id");
          }
          expressions.add(expression(r.table(), column, text && !idList.isEmpty()));
        });
        String sql = "insert into " + r.table() + " (" + String.join(", ", columns.keySet()) + ")"
            + " with t as materialized (select t.*" + (flags.isEmpty() ? "" : ", " + String.join(", ", flags))
            + " from " + r.table() + " t where " + r.where() + ")"
            + " select " + String.join(", ", expressions) + " from t, generate_series(1, " + copies + ") g";
        inserted.put(r.table(), statement.executeUpdate(sql));
      }
      connection.commit();
      // As after any bulk load: vacuumed and analyzed now, rather than by autovacuum while the benchmark
      // measures (it vacuumed the 100,000 tasks' tables during the task queries). VACUUM runs outside a
      // transaction.
      connection.setAutoCommit(true);
      for (String table : rows.stream().map(Rows::table).distinct().toList()) {
        statement.execute("vacuum (analyze) " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return inserted;
  }

  private String expression(String table, String column, boolean mayBeId) {
    Map<String, String> specific = overrides.getOrDefault(table, Map.of());
    Map<String, String> general = overrides.getOrDefault("*", Map.of());
    if (specific.containsKey(column)) {
      return specific.get(column);
    }
    if (general.containsKey(column)) {
      return general.get(column);
    }
    if (mayBeId) {
      return "case when t." + column + "__is_id then " + copyId("t." + column) + " else t." + column + " end";
    }
    return "t." + column;
  }

  /**
   * The copy's id: the template's (a UUID, or {@code activityId:UUID}) with its last 9 characters replaced
   * by {@code g} and the copy's number in 8 hex digits; same length, and never an id the engine generates
   * ("g" is not a hex digit).
   */
  private static String copyId(String column) {
    return "left(" + column + ", length(" + column + ") - 9) || 'g' || lpad(to_hex(g), 8, '0')";
  }

  private static Map<String, String> columns(Connection connection, String table) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
        "select column_name, data_type from information_schema.columns where table_schema = current_schema()"
            + " and table_name = '" + table.toLowerCase() + "' order by ordinal_position")) {
      while (rs.next()) {
        columns.put(rs.getString(1), rs.getString(2));
      }
    }
    if (columns.isEmpty()) {
      throw new IllegalStateException("no table " + table);
    }
    return columns;
  }
}
