package cn.subsidy.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
  private final Map<String, Double> seconds = new ConcurrentHashMap<>();
  /** Connections that copy tables at once: the benchmark's two cores. */
  private static final int WORKERS = 2;

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

  /**
   * Inserts {@code copies} copies of every selected row; returns rows inserted per table. The tables are
   * copied by {@link #WORKERS} connections at once, largest first (PostgreSQL's insert of one statement
   * uses one core), each table in a transaction of its own; then the tables are vacuumed and analyzed,
   * as after any bulk load: now rather than by autovacuum while the benchmark measures (it vacuumed the
   * 100,000 tasks' tables during the task queries). Which rows are templates and which values are ids is read
   * before anything is inserted, so copying the tables in any order gives the same rows.
   */
  Map<String, Integer> copy(int copies) {
    Map<String, Long> templateRows = new LinkedHashMap<>();
    Set<String> ids = new HashSet<>();
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      for (Rows r : rows) {
        try (ResultSet rs = statement.executeQuery("select t.id_ from " + r.table() + " t where " + r.where())) {
          while (rs.next()) {
            ids.add(rs.getString(1));
            templateRows.merge(r.table(), 1L, Long::sum);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String idList = ids.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(","));
    List<String> tables = rows.stream().map(Rows::table).distinct()
        .sorted(Comparator.comparing((String table) -> templateRows.getOrDefault(table, 0L)).reversed()).toList();
    Map<String, Integer> inserted = new ConcurrentHashMap<>();
    eachTable(tables, (statement, table) -> inserted.put(table, copy(statement, table, idList, copies)));
    // Vacuumed only when every copy is committed: while another connection's transaction is open, VACUUM
    // cannot mark the pages all-visible (index-only scans would still read every row's page).
    long start = System.nanoTime();
    eachTable(tables, (statement, table) -> statement.execute("vacuum (analyze) " + table));
    seconds.put("vacuum (analyze)", Results.round((System.nanoTime() - start) / 1e9));
    Map<String, Integer> byTable = new LinkedHashMap<>();
    rows.forEach(r -> byTable.put(r.table(), inserted.get(r.table())));
    return byTable;
  }

  interface TableWork {
    void run(Statement statement, String table) throws SQLException;
  }

  /** {@code work} on each table, by {@link #WORKERS} connections at once, in the given order. */
  private void eachTable(List<String> tables, TableWork work) {
    Queue<String> queue = new ConcurrentLinkedQueue<>(tables);
    try {
      Parallel.run(WORKERS, worker -> {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
          for (String table; (table = queue.poll()) != null; ) {
            work.run(statement, table);
          }
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private int copy(Statement statement, String table, String idList, int copies) throws SQLException {
    Connection connection = statement.getConnection();
    long start = System.nanoTime();
    connection.setAutoCommit(false);
    // As in a restore: the copies reference only their own copies and the rows the templates
    // reference, so PostgreSQL's per-row foreign-key triggers (a lookup per reference, millions for
    // 100,000 tasks) are skipped for this transaction. The benchmark's database user is a superuser.
    statement.execute("set local session_replication_role = replica");
    Map<String, String> columns = columns(connection, table);
    int count = 0;
    for (Rows r : rows) {
      if (r.table().equals(table)) {
        count += statement.executeUpdate(insert(r, columns, idList, copies));
      }
    }
    connection.commit();
    connection.setAutoCommit(true);
    seconds.put(table, Results.round((System.nanoTime() - start) / 1e9));
    return count;
  }

  private String insert(Rows r, Map<String, String> columns, String idList, int copies) {
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
    return "insert into " + r.table() + " (" + String.join(", ", columns.keySet()) + ")"
        + " with t as materialized (select t.*" + (flags.isEmpty() ? "" : ", " + String.join(", ", flags))
        + " from " + r.table() + " t where " + r.where() + ")"
        + " select " + String.join(", ", expressions) + " from t, generate_series(1, " + copies + ") g";
  }

  /** Seconds each table's copy took in the last {@link #copy}, and the vacuum of all of them. */
  Map<String, Double> seconds() {
    Map<String, Double> ordered = new LinkedHashMap<>();
    rows.forEach(r -> ordered.put(r.table(), seconds.get(r.table())));
    ordered.put("vacuum (analyze)", seconds.get("vacuum (analyze)"));
    return ordered;
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
