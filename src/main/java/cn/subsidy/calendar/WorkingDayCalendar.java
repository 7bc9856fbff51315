package cn.subsidy.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Working days: Monday to Friday, minus the official days off, plus the adjusted working weekends, as
 * the State Council publishes them each year. A year's file is looked up in the calendar folder
 * ({@code subsidy.calendar.directory}, where administrators add next year's without a release) and
 * then among the files shipped with the product; a year without a file counts Monday to Friday and is
 * warned about.
 */
@Component
public class WorkingDayCalendar {

  private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

  private final Path directory;
  private final Clock clock;
  private final Map<Integer, CalendarYear> years = new ConcurrentHashMap<>();

  WorkingDayCalendar(@Value("${subsidy.calendar.directory:calendar}") Path directory, Clock clock) {
    this.directory = directory;
    this.clock = clock;
  }

  public boolean isWorkingDay(LocalDate date) {
    return year(date.getYear()).isWorkingDay(date);
  }

  /** The {@code days}-th working day after {@code date} (the date itself does not count). */
  public LocalDate plusWorkingDays(LocalDate date, int days) {
    LocalDate d = date;
    int counted = 0;
    while (counted < days) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }

  /** The same time of day, {@code days} working days after {@code moment}, in the product's zone. */
  public Instant plusWorkingDays(Instant moment, int days) {
    ZonedDateTime local = moment.atZone(clock.getZone());
    return local.with(plusWorkingDays(local.toLocalDate(), days)).toInstant();
  }

  /** Working days from {@code from} (exclusive) to {@code to} (inclusive); 0 if {@code to} is not later. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /** Whether the year has a published calendar file. */
  public boolean hasFile(int year) {
    return Files.isRegularFile(externalFile(year)) || getClass().getResource(classpathFile(year)) != null;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAboutMissingYears() {
    int thisYear = LocalDate.now(clock).getYear();
    for (int year = thisYear; year <= thisYear + 1; year++) {
      if (!hasFile(year)) {
        log.warn("No working-day calendar for {}: deadlines in {} count Monday to Friday only. Add {}.txt to {}"
            + " when the State Council publishes the holidays.", year, year, year, directory.toAbsolutePath());
      }
    }
  }

  /** Picks up files administrators added or changed. */
  @Scheduled(fixedDelayString = "${subsidy.calendar.reload-interval:PT10M}")
  void reload() {
    years.clear();
  }

  private CalendarYear year(int year) {
    return years.computeIfAbsent(year, this::load);
  }

  private CalendarYear load(int year) {
    try {
      Path external = externalFile(year);
      if (Files.isRegularFile(external)) {
        try (Reader reader = Files.newBufferedReader(external, StandardCharsets.UTF_8)) {
          return CalendarYear.parse(year, reader, external.toString());
        }
      }
      try (InputStream in = getClass().getResourceAsStream(classpathFile(year))) {
        if (in != null) {
          return CalendarYear.parse(year, new InputStreamReader(in, StandardCharsets.UTF_8), classpathFile(year));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("The working-day calendar for " + year + " cannot be read: " + e.getMessage(),
          e);
    }
    return CalendarYear.weekdaysOnly(year);
  }

  private Path externalFile(int year) {
    return directory.resolve(year + ".txt");
  }

  private static String classpathFile(int year) {
    return "/calendar/" + year + ".txt";
  }
}
