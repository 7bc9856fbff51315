package cn.subsidy.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * One year of official days off and adjusted working weekends (调休), read from the year's file:
 * one line per date or range, {@code 休} (or {@code off}) for days off, {@code 班} (or {@code work})
 * for weekend days that are working days.
 */
record CalendarYear(int year, Set<LocalDate> daysOff, Set<LocalDate> workingWeekendDays) {

  /** A year without a file: Monday to Friday. */
  static CalendarYear weekdaysOnly(int year) {
    return new CalendarYear(year, Set.of(), Set.of());
  }

  boolean isWorkingDay(LocalDate date) {
    if (workingWeekendDays.contains(date)) {
      return true;
    }
    if (daysOff.contains(date)) {
      return false;
    }
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  static CalendarYear parse(int year, Reader source, String name) throws IOException {
    Set<LocalDate> off = new HashSet<>();
    Set<LocalDate> work = new HashSet<>();
    BufferedReader reader = new BufferedReader(source);
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      String text = line.replace("\uFEFF", "").strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      String[] parts = text.split("\\s+", 3);
      if (parts.length < 2) {
        throw new IOException(name + " line " + number + ": expected 'date[..date] 休|班 [note]'");
      }
      Set<LocalDate> target = switch (parts[1].toLowerCase()) {
        case "休", "off" -> off;
        case "班", "work" -> work;
        default -> throw new IOException(name + " line " + number + ": '" + parts[1] + "' is neither 休 nor 班");
      };
      try {
        String[] range = parts[0].split("\\.\\.");
        LocalDate from = LocalDate.parse(range[0]);
        LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          if (d.getYear() != year) {
            throw new IOException(name + " line " + number + ": " + d + " is not in " + year);
          }
          target.add(d);
        }
      } catch (DateTimeException e) {
        throw new IOException(name + " line " + number + ": '" + parts[0] + "' is not a date or range", e);
      }
    }
    return new CalendarYear(year, Set.copyOf(off), Set.copyOf(work));
  }
}
