package cn.subsidy.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV files officials upload, as county offices write them: UTF-8 with or without a
 * byte-order mark, or GB18030/GBK as Chinese Excel saves them; a header row naming the columns (in
 * English or Chinese, any order); line numbers that count the header as line 1.
 */
public final class CsvUpload {

  private static final Charset GB18030 = Charset.forName("GB18030");

  /** A data line: its number in the file and its values by canonical column name. */
  public record Line(long number, Map<String, String> values) {
    public String get(String column) {
      String value = values.get(column);
      return value == null ? "" : value.trim();
    }
  }

  private CsvUpload() {}

  public static String decode(byte[] bytes) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, GB18030);
    }
  }

  /**
   * Calls {@code each} for every non-blank data line. {@code columns} maps each canonical column to
   * the header names accepted for it; a header missing one of them is a 400 naming what is missing.
   */
  public static void read(String text, Map<String, List<String>> columns, Consumer<Line> each) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> positions = null;
      for (CSVRecord record : parser) {
        long lineNumber = record.getRecordNumber();
        if (positions == null) {
          positions = header(record, columns);
          continue;
        }
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, Integer> column : positions.entrySet()) {
          int position = column.getValue();
          values.put(column.getKey(), position < record.size() ? record.get(position) : "");
        }
        each.accept(new Line(lineNumber, values));
      }
      if (positions == null) {
        throw new InvalidRequestException("file", "文件是空的 / The file is empty.");
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidRequestException("file", "无法读取CSV文件：" + e.getMessage() + " / The CSV file cannot be read.");
    }
  }

  private static Map<String, Integer> header(CSVRecord record, Map<String, List<String>> columns) {
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < record.size(); i++) {
      byName.put(record.get(i).replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT), i);
    }
    Map<String, Integer> positions = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, List<String>> column : columns.entrySet()) {
      column.getValue().stream().map(name -> byName.get(name.toLowerCase(Locale.ROOT)))
          .filter(java.util.Objects::nonNull).findFirst()
          .ifPresentOrElse(position -> positions.put(column.getKey(), position),
              () -> missing.add(column.getKey()));
    }
    if (!missing.isEmpty()) {
      throw new InvalidRequestException("file", "第1行应为表头，缺少列：" + String.join(", ", missing)
          + " / Line 1 must be the header row; missing column(s): " + String.join(", ", missing));
    }
    return positions;
  }
}
