package cn.subsidy.calendar;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dates are Beijing time unless configured otherwise ({@code subsidy.zone}). */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock(@Value("${subsidy.zone:Asia/Shanghai}") ZoneId zone) {
    return new EngineClock(zone);
  }
}
