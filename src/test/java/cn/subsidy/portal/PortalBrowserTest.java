package cn.subsidy.portal;

import cn.subsidy.support.Browser;
import cn.subsidy.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The portal's browser tests: the application, one browser for the class, and a {@link Walk} through it. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PortalBrowserTest {

  @LocalServerPort int port;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  Browser browser;
  Walk walk;

  @BeforeAll
  void launch() {
    browser = Browser.launch(port);
    walk = new Walk(port, context);
  }

  @AfterAll
  void close() {
    if (browser != null) {
      browser.close();
    }
  }
}
