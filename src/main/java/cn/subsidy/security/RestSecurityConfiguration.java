package cn.subsidy.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Closes {@code /engine-rest}, which the Camunda starter leaves open: HTTP Basic against Camunda's
 * own users, then Camunda's authorization checks for everything the caller does.
 */
@Configuration(proxyBeanMethods = false)
class RestSecurityConfiguration {

  static final String ENGINE_REST = "/engine-rest/*";
  static final String WEBAPP_API = "/camunda/api/*";

  @Bean
  FilterRegistrationBean<OrQueryExpressionFilter> orQueryExpressionFilter() {
    FilterRegistrationBean<OrQueryExpressionFilter> registration =
        new FilterRegistrationBean<>(new OrQueryExpressionFilter());
    registration.addUrlPatterns(ENGINE_REST, WEBAPP_API);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(VerifiedLogins logins,
      ProcessEngine engine) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthentication(logins, engine));
    registration.addUrlPatterns(ENGINE_REST);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<FirstAdminSetupBlocker> firstAdminSetupBlocker() {
    FilterRegistrationBean<FirstAdminSetupBlocker> registration =
        new FilterRegistrationBean<>(new FirstAdminSetupBlocker());
    registration.addUrlPatterns("/camunda/api/admin/setup/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
