package cn.subsidy.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Headless Chromium from the system packages, driven by Playwright (no browser download). Tests that
 * need it skip with a message on a machine without {@code /usr/bin/chromium}; CI installs it.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser browser;

  private Browser() {
    playwright = Playwright.create();
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
  }

  /** Starts the browser, or skips the test when this machine has none. */
  public static Browser start() {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install -y chromium fonts-noto-cjk);"
        + " skipping the browser test");
    return new Browser();
  }

  /** A fresh browser profile (cookies, storage) with the given window size and language. */
  public Page page(int width, int height, String locale) {
    BrowserContext context = browser.newContext(new NewContextOptions().setViewportSize(width, height)
        .setLocale(locale));
    context.setDefaultTimeout(60_000);
    context.setDefaultNavigationTimeout(90_000);
    return context.newPage();
  }

  public static Path screenshot(Page page, String name) {
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    return file;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
