package cn.subsidy.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.subsidy.support.IntegrationTest;
import java.time.Duration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The filter of {@code /engine-rest} addresses the application's own engine without a lookup per request. */
@IntegrationTest
class EngineRestAuthenticationTest {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  @Test
  void theApplicationsEngineIsAddressedWithoutCamundasServiceLoaderLookup() {
    EngineRestAuthentication filter = new EngineRestAuthentication(new VerifiedLogins(identity, Duration.ZERO), engine);
    Thread thread = Thread.currentThread();
    ClassLoader own = thread.getContextClassLoader();
    // A class loader that sees no ProcessEngineProvider: Camunda's lookup fails with it.
    thread.setContextClassLoader(new ClassLoader(null) {});
    try {
      assertThat(filter.getAddressedEngine(engine.getName())).isSameAs(engine);
      assertThatThrownBy(() -> filter.getAddressedEngine("another")).isInstanceOf(RestException.class);
    } finally {
      thread.setContextClassLoader(own);
    }
    // Another engine's name still goes to Camunda's lookup, which knows no such engine here.
    assertThat(filter.getAddressedEngine("another")).isNull();
  }
}
