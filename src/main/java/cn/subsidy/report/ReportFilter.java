package cn.subsidy.report;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.application.ApplicationType;
import cn.subsidy.web.FieldProblem;
import cn.subsidy.web.InvalidRequestException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a report is narrowed to: one county, one subsidy, one status, and the months in which the
 * applications were submitted (inclusive). Every part is optional.
 */
record ReportFilter(String countyCode, ApplicationType type, ApplicationStatus status, YearMonth from, YearMonth to) {

  static final ReportFilter NONE = new ReportFilter(null, null, null, null, null);

  /** The filter from request parameters, or a 400 naming every bad one. */
  static ReportFilter parse(String countyCode, String type, String status, String from, String to) {
    List<FieldProblem> problems = new ArrayList<>();
    String county = blankToNull(countyCode);
    if (county != null && !county.matches("\\d{6}")) {
      problems.add(new FieldProblem("countyCode", "县代码应为6位数字 / countyCode must be six digits."));
    }
    ApplicationType subsidy = enumValue(type, ApplicationType.class, "type", problems,
        "补贴类型应为 TRAINING 或 TRANSPORT / type must be TRAINING or TRANSPORT.");
    ApplicationStatus state = enumValue(status, ApplicationStatus.class, "status", problems,
        "状态应为以下之一 / status must be one of: " + Arrays.toString(ApplicationStatus.values()));
    YearMonth start = month(from, "from", problems);
    YearMonth end = month(to, "to", problems);
    if (start != null && end != null && start.isAfter(end)) {
      problems.add(new FieldProblem("to", "结束月份不能早于开始月份 / 'to' cannot be before 'from'."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new ReportFilter(county, subsidy, state, start, end);
  }

  private static YearMonth month(String text, String field, List<FieldProblem> problems) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "月份格式应为 2026-05 / " + field + " must be a month like 2026-05."));
      return null;
    }
  }

  private static <E extends Enum<E>> E enumValue(String text, Class<E> type, String field, List<FieldProblem> problems,
      String message) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    problems.add(new FieldProblem(field, message));
    return null;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
