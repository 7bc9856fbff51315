package cn.subsidy;

import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Pays the vocational training subsidy and the transportation subsidy for people from
 * poverty-alleviated households (脱贫人口就业补贴).
 */
@SpringBootApplication
@EnableProcessApplication("employment-subsidy")
@ConfigurationPropertiesScan
@EnableScheduling
public class SubsidyApplication {

  public static void main(String[] args) {
    SpringApplication.run(SubsidyApplication.class, args);
  }
}
