package cn.subsidy.security;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Officials' authentication on the product's endpoints; see {@link StaffAuthenticationFilter}. */
@Configuration(proxyBeanMethods = false)
class StaffSecurityConfiguration implements WebMvcConfigurer {

  /** Paths where officials authenticate; applicants' and public endpoints live there too. */
  static final String[] STAFF_PATHS = {"/api/*", "/actuator/*", "/officials/*"};

  @Bean
  VerifiedLogins verifiedLogins(IdentityService identityService,
      @Value("${subsidy.security.login-cache:PT30S}") Duration loginCache) {
    return new VerifiedLogins(identityService, loginCache);
  }

  @Bean
  FilterRegistrationBean<StaffAuthenticationFilter> staffAuthenticationFilter(VerifiedLogins logins) {
    FilterRegistrationBean<StaffAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new StaffAuthenticationFilter(logins));
    registration.addUrlPatterns(STAFF_PATHS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ActuatorGuardFilter> actuatorGuardFilter() {
    FilterRegistrationBean<ActuatorGuardFilter> registration = new FilterRegistrationBean<>(new ActuatorGuardFilter());
    registration.addUrlPatterns("/actuator/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new StaffArgumentResolver());
  }

  /** Supplies the authenticated {@link Staff} to controller methods, or answers 401 when there is none. */
  static class StaffArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Staff.class;
    }

    @Override
    public Staff resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
      Staff staff = (Staff) webRequest.getAttribute(StaffAuthenticationFilter.ATTRIBUTE,
          RequestAttributes.SCOPE_REQUEST);
      if (staff == null) {
        throw new NotAuthenticatedException();
      }
      return staff;
    }
  }
}
