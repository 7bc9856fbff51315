package cn.subsidy.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** A few direct reads and writes of the benchmark's databases. */
final class Sql {

  private Sql() {}

  static long databaseSize(DataSource database) {
    return number(database, "select pg_database_size(current_database())");
  }

  static long number(DataSource database, String query) {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(query, e);
    }
  }

  static int update(DataSource database, String sql) {
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      return statement.executeUpdate(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * PostgreSQL's own time for the statements run in {@code database} since the last {@link
   * #resetStatementTimes}: milliseconds and statements ({@code pg_stat_statements}; a statement's time
   * includes the foreign-key checks and triggers it fires). Read through {@code postgres}, the server's
   * maintenance database, where the extension is created.
   */
  static double[] statementTimes(DataSource postgres, String database) {
    try (Connection connection = postgres.getConnection();
        var query = connection.prepareStatement("select coalesce(sum(s.total_exec_time), 0), coalesce(sum(s.calls), 0),"
            + " coalesce(sum(s.total_plan_time), 0), coalesce(sum(s.plans), 0)"
            + " from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?")) {
      query.setString(1, database);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The statements of {@code database} that took most of PostgreSQL's time since the last reset, per
   * completed unit (application or instance): where the time per application goes, for whoever works on it.
   */
  static List<Map<String, Object>> topStatements(DataSource postgres, String database, int completed, int limit) {
    List<Map<String, Object>> top = new ArrayList<>();
    try (Connection connection = postgres.getConnection();
        var query = connection.prepareStatement("select s.total_exec_time, s.calls, s.query, s.total_plan_time, s.plans"
            + " from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = ?"
            + " order by s.total_exec_time + s.total_plan_time desc limit ?")) {
      query.setString(1, database);
      query.setInt(2, limit);
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> statement = new LinkedHashMap<>();
          statement.put("ms", Results.round(rs.getDouble(1) / completed));
          statement.put("calls", Results.round(rs.getDouble(2) / completed));
          statement.put("plan_ms", Results.round(rs.getDouble(4) / completed));
          statement.put("plans", Results.round(rs.getDouble(5) / completed));
          String text = rs.getString(3).replaceAll("\\s+", " ").trim();
          statement.put("sql", text.length() > 140 ? text.substring(0, 140) + "…" : text);
          top.add(statement);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return top;
  }

  static void resetStatementTimes(DataSource postgres) {
    number(postgres, "select count(*) from (select pg_stat_statements_reset()) r");
  }

  /** The server settings that decide durability and speed, to be reported with the figures. */
  static Map<String, String> settings(DataSource database) {
    Map<String, String> settings = new LinkedHashMap<>();
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      for (String name : new String[] {"server_version", "fsync", "synchronous_commit", "shared_buffers",
          "max_connections"}) {
        try (ResultSet rs = statement.executeQuery("show " + name)) {
          rs.next();
          settings.put(name, rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return settings;
  }
}
