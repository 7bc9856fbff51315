package cn.subsidy.report;

import java.util.List;
import java.util.Map;

/**
 * One table of the officials' reports, as the page shows it and the exports write it: columns with
 * bilingual titles ("中文 / English") and rows keyed by column.
 *
 * @param totalRows how many rows there are in all, when {@code rows} holds only the first of them
 */
public record ReportTable(String name, String title, List<Column> columns, List<Map<String, Object>> rows,
    Integer totalRows) {

  /** How a column's values are written: counts and amounts as numbers, labels in the reader's language. */
  public enum Kind { TEXT, LABEL, COUNT, MONEY, DAYS, TIME }

  /** A column: the key of its values in each row, its title and its kind. */
  public record Column(String key, String title, Kind kind) {}

  static Column column(String key, String title, Kind kind) {
    return new Column(key, title, kind);
  }

  ReportTable(String name, String title, List<Column> columns, List<Map<String, Object>> rows) {
    this(name, title, columns, rows, null);
  }
}
