package cn.subsidy.report;

import cn.subsidy.report.ReportTable.Column;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes report tables as files officials open in Excel or WPS: CSV in UTF-8 with a byte-order mark
 * (without it Excel reads Chinese as GBK and shows garbage) and real .xlsx workbooks with numbers as
 * numbers. Titles and labels are written in one language, Chinese unless English is asked for.
 */
final class ReportExport {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ZoneId zone;
  private final boolean english;

  ReportExport(ZoneId zone, String language) {
    this.zone = zone;
    this.english = "en".equalsIgnoreCase(language);
  }

  byte[] csv(ReportTable table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(BOM);
    try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
      for (Column column : table.columns()) {
        csv.print(text(column.title()));
      }
      csv.println();
      for (var row : table.rows()) {
        for (Column column : table.columns()) {
          csv.print(csvCell(column, row.get(column.key())));
        }
        csv.println();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One sheet per table, in the order given. */
  void xlsx(List<ReportTable> tables, OutputStream out) {
    try {
      Workbook workbook = new Workbook(out, "employment-subsidy", "1.0");
      Set<String> sheetNames = new HashSet<>();
      for (ReportTable table : tables) {
        sheet(workbook.newWorksheet(sheetName(table, sheetNames)), table);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void sheet(Worksheet sheet, ReportTable table) {
    List<Column> columns = table.columns();
    for (int c = 0; c < columns.size(); c++) {
      sheet.value(0, c, text(columns.get(c).title()));
      sheet.style(0, c).bold().fillColor("DDEBF7").wrapText(true).set();
      sheet.width(c, width(columns.get(c)));
    }
    sheet.freezePane(0, 1);
    int r = 1;
    for (var row : table.rows()) {
      for (int c = 0; c < columns.size(); c++) {
        cell(sheet, r, c, columns.get(c), row.get(columns.get(c).key()));
      }
      r++;
    }
  }

  private void cell(Worksheet sheet, int r, int c, Column column, Object value) {
    if (value == null) {
      return;
    }
    switch (column.kind()) {
      case COUNT -> sheet.value(r, c, ((Number) value).longValue());
      case MONEY -> {
        sheet.value(r, c, (BigDecimal) value);
        sheet.style(r, c).format("#,##0.00").set();
      }
      case DAYS -> {
        sheet.value(r, c, (BigDecimal) value);
        sheet.style(r, c).format("0.0").set();
      }
      case TIME -> {
        sheet.value(r, c, ((Instant) value).atZone(zone).toLocalDateTime());
        sheet.style(r, c).format("yyyy-mm-dd hh:mm").set();
      }
      case LABEL -> sheet.value(r, c, text(value.toString()));
      case TEXT -> sheet.value(r, c, value.toString());
    }
  }

  private Object csvCell(Column column, Object value) {
    if (value == null) {
      return "";
    }
    return switch (column.kind()) {
      case COUNT -> value;
      case MONEY, DAYS -> ((BigDecimal) value).toPlainString();
      case TIME -> TIME.format(((Instant) value).atZone(zone));
      case LABEL -> safe(text(value.toString()));
      case TEXT -> safe(value.toString());
    };
  }

  /** The reader's half of "中文 / English". */
  String text(String bilingual) {
    int slash = bilingual.indexOf(" / ");
    if (slash < 0) {
      return bilingual;
    }
    return english ? bilingual.substring(slash + 3) : bilingual.substring(0, slash);
  }

  /** Text that Excel would take for a formula (=, +, -, @) is written as text: applicants type names. */
  private static String safe(String text) {
    return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  private static double width(Column column) {
    return switch (column.kind()) {
      case TIME -> 17;
      case LABEL -> 18;
      case TEXT -> column.key().equals("applicationNo") ? 20 : 12;
      default -> 13;
    };
  }

  /** Excel's sheet names: at most 31 characters, none of []:*?/\, unique. */
  private String sheetName(ReportTable table, Set<String> taken) {
    String name = text(table.title()).replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
    if (name.length() > 31) {
      name = name.substring(0, 31);
    }
    String unique = name;
    for (int i = 2; !taken.add(unique); i++) {
      unique = name.substring(0, Math.min(name.length(), 28)) + " " + i;
    }
    return unique;
  }
}
