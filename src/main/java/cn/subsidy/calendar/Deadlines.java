package cn.subsidy.calendar;

import java.time.Clock;
import java.util.Date;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The deadlines of the models, in working days, named in configuration ({@code subsidy.deadlines.*})
 * so that each province can set its own. Timers in the models use them as
 * {@code ${deadlines.due('county-review')}}.
 */
@Component("deadlines")
public class Deadlines {

  private final DeadlineProperties properties;
  private final WorkingDayCalendar calendar;
  private final Clock clock;

  Deadlines(DeadlineProperties properties, WorkingDayCalendar calendar, Clock clock) {
    this.properties = properties;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** When the named deadline falls if it starts now. */
  public Date due(String name) {
    return Date.from(calendar.plusWorkingDays(clock.instant(), workingDays(name)));
  }

  /** When the named deadline falls if it started at {@code start}. */
  public java.time.Instant dueAfter(String name, java.time.Instant start) {
    return calendar.plusWorkingDays(start, workingDays(name));
  }

  public int workingDays(String name) {
    Integer days = properties.workingDays().get(name);
    if (days == null) {
      throw new IllegalArgumentException("No deadline '" + name + "' in subsidy.deadlines.working-days; known: "
          + properties.workingDays().keySet());
    }
    return days;
  }

  /** Deadlines in working days, by name. */
  @ConfigurationProperties("subsidy.deadlines")
  public record DeadlineProperties(Map<String, Integer> workingDays) {
    public DeadlineProperties {
      workingDays = workingDays == null ? Map.of() : Map.copyOf(workingDays);
    }
  }
}
