package cn.subsidy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days of 2026 as the State Council published them (notice of 4 November 2025). */
class WorkingDayCalendarTest {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @TempDir Path folder;

  WorkingDayCalendar calendar() {
    return new WorkingDayCalendar(folder, Clock.system(BEIJING));
  }

  @ParameterizedTest(name = "{0} is a working day: {1}")
  @CsvSource({
      "2026-01-01, false", "2026-01-04, true", "2026-02-14, true", "2026-02-16, false", "2026-02-23, false",
      "2026-02-24, true", "2026-02-28, true", "2026-04-06, false", "2026-05-05, false", "2026-05-09, true",
      "2026-06-19, false", "2026-09-20, true", "2026-09-25, false", "2026-10-07, false", "2026-10-08, true",
      "2026-10-10, true", "2026-10-11, false", "2026-11-23, true", "2026-11-28, false",
  })
  void officialDaysOffAndAdjustedWorkingWeekends(LocalDate date, boolean working) {
    assertThat(calendar().isWorkingDay(date)).isEqualTo(working);
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
      "2026-09-29, 5,  2026-10-12, across National Day: 30 Sep then 8, 9, 10 (Saturday) and 12 Oct",
      "2026-09-30, 3,  2026-10-10, lands on the adjusted working Saturday 10 October",
      "2026-09-24, 10, 2026-10-15, Mid-Autumn and National Day both skipped",
      "2026-02-13, 1,  2026-02-14, the Saturday before the Spring Festival is a working day",
      "2026-02-14, 1,  2026-02-24, then nine days off",
      "2026-06-15, 10, 2026-06-30, the Dragon Boat Festival is skipped",
      "2026-11-21, 1,  2026-11-23, counting starts after a weekend",
  })
  void deadlines(LocalDate from, int days, LocalDate due, String why) {
    assertThat(calendar().plusWorkingDays(from, days)).as(why).isEqualTo(due);
  }

  @Test
  void aDeadlineKeepsTheTimeOfDayInBeijing() {
    Instant start = ZonedDateTime.of(2026, 9, 30, 16, 45, 0, 0, BEIJING).toInstant();
    assertThat(calendar().plusWorkingDays(start, 3))
        .isEqualTo(ZonedDateTime.of(2026, 10, 10, 16, 45, 0, 0, BEIJING).toInstant());
  }

  @Test
  void countsWorkingDaysBetweenDates() {
    assertThat(calendar().workingDaysBetween(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 10, 12))).isEqualTo(5);
    assertThat(calendar().workingDaysBetween(LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 12))).isZero();
  }

  @Test
  void aYearWithoutAFileCountsMondayToFriday() {
    WorkingDayCalendar calendar = calendar();
    assertThat(calendar.hasFile(2031)).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).as("a Wednesday, no file to say otherwise").isTrue();
    assertThat(calendar.plusWorkingDays(LocalDate.of(2031, 1, 3), 1)).isEqualTo(LocalDate.of(2031, 1, 6));
  }

  @Test
  void anAdministratorAddsNextYearsFileWithoutARelease() throws Exception {
    Files.writeString(folder.resolve("2031.txt"), """
        # 2031 (example)
        2031-01-01          休 元旦
        2031-01-04          班 调休
        2031-10-01..2031-10-07 off National Day
        """);
    WorkingDayCalendar calendar = calendar();
    assertThat(calendar.hasFile(2031)).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 4))).as("a Saturday made a working day").isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2031, 10, 6))).isFalse();
  }

  @Test
  void aFileForTheYearInTheFolderReplacesTheShippedOne() throws Exception {
    Files.writeString(folder.resolve("2026.txt"), "2026-11-23 休 停电\n");
    WorkingDayCalendar calendar = calendar();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 23))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).as("only what the file says").isTrue();
  }

  @Test
  void aBrokenFileIsReportedWithItsLine() throws Exception {
    Files.writeString(folder.resolve("2032.txt"), "2032-01-01 休 元旦\n2032-13-01 休 错误\n");
    assertThatThrownBy(() -> calendar().isWorkingDay(LocalDate.of(2032, 1, 5)))
        .hasMessageContaining("2032.txt line 2: '2032-13-01' is not a date or range");
  }
}
