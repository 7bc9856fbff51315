package cn.subsidy.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's headless Chromium driven by Playwright, with the two kinds of screens the pages are
 * for: a phone 360 px wide (applicants) and a desktop (officials). Every screenshot is kept under
 * {@code target/screenshots/} and checked on the way: nothing wider than the screen, nothing cut
 * off, text large enough to read, touch targets large enough on the phone, no broken image.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  public static final Path NODE = Paths.get(System.getenv().getOrDefault("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node"));
  public static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser chromium;
  private final String baseUrl;

  private Browser(int port) {
    this.baseUrl = "http://localhost:" + port;
    // The driver runs on the system's Node and never downloads a browser, from Maven and from an IDE alike.
    this.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PLAYWRIGHT_NODEJS_PATH", NODE.toString())));
    this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
        .setHeadless(true).setArgs(List.of("--no-sandbox", "--headless", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic")));
  }

  /** The browser, or the test skipped with the reason when Chromium is not installed here. */
  public static Browser launch(int port) {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "No Chromium at " + CHROMIUM
        + ": browser tests skipped (apt-get install -y chromium fonts-noto-cjk)");
    Assumptions.assumeTrue(Files.isExecutable(NODE), "No Node.js at " + NODE
        + " for Playwright's driver: browser tests skipped (apt-get install -y nodejs)");
    assertThat(chineseFontInstalled()).as("Chinese text would show as empty boxes in the screenshots:"
        + " apt-get install -y fonts-noto-cjk").isTrue();
    return new Browser(port);
  }

  private static boolean chineseFontInstalled() {
    try {
      Process fcList = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
      String fonts = new String(fcList.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return fcList.waitFor() == 0 && !fonts.isBlank();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A phone held upright, 360 x 740 CSS pixels, as applicants use the portal. */
  public BrowserContext phone() {
    return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(360, 740)
        .setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true).setLocale("zh-CN")
        .setTimezoneId("Asia/Shanghai").setBaseURL(baseUrl).setAcceptDownloads(true));
  }

  /** An office desktop, as officials use their pages. */
  public BrowserContext desktop() {
    return chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 800)
        .setLocale("zh-CN").setTimezoneId("Asia/Shanghai").setBaseURL(baseUrl).setAcceptDownloads(true));
  }

  /** Playwright's waiting assertions on what the page shows (AssertJ's assertThat is for the rest). */
  public static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  /** The element shows exactly this text to the reader (the other language's hidden spans do not count). */
  public static void shows(Locator locator, String text) {
    expect(locator).hasText(text, new LocatorAssertions.HasTextOptions().setUseInnerText(true));
  }

  public static void shows(Locator locator, Pattern text) {
    expect(locator).hasText(text, new LocatorAssertions.HasTextOptions().setUseInnerText(true));
  }

  /** The element shows this text among the rest, as the reader sees it. */
  public static void showsPart(Locator locator, String text) {
    expect(locator).containsText(text, new LocatorAssertions.ContainsTextOptions().setUseInnerText(true));
  }

  /** The same, waiting longer: after a submission with uploads, which a busy machine takes a while for. */
  public static void showsPartWithin(Locator locator, String text, int seconds) {
    expect(locator).containsText(text, new LocatorAssertions.ContainsTextOptions().setUseInnerText(true)
        .setTimeout(seconds * 1000.0));
  }

  /** Logs into Tasklist as the officials do; the officials' pages then use that session. */
  public static void logIntoTasklist(Page page, String user) {
    logIn(page, "tasklist", user);
  }

  /** Logs into one of the Camunda webapps (tasklist, cockpit, admin) with the demo password. */
  public static void logIn(Page page, String app, String user) {
    page.navigate("/camunda/app/" + app + "/");
    // The webapp draws its login form once its scripts have loaded; a form filled earlier is drawn anew.
    page.waitForLoadState(LoadState.NETWORKIDLE);
    page.locator("input[ng-model=\"username\"]").fill(user);
    page.locator("input[ng-model=\"password\"]").fill("demo");
    Response login = page.waitForResponse(r -> r.url().contains("/login/" + app),
        () -> page.locator("button[type=\"submit\"]").click());
    assertThat(login.status()).as(app + " login of " + user).isEqualTo(200);
  }

  /**
   * Saves a full-page screenshot as {@code target/screenshots/<name>.png} and checks the page as a
   * reader would see it. {@code phone} also checks that whatever is tapped is at least 44 px high.
   */
  public static void screenshot(Page page, String name, boolean phone) {
    page.evaluate("document.fonts.ready");
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    assertThat(file).isNotEmptyFile();
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) page.evaluate(CHECKS, phone);
    assertThat(problems).as("what a reader of %s (%s) would stumble on", name, page.url()).isEmpty();
  }

  /**
   * Saves a full-page screenshot of a page this product does not draw itself (Camunda's webapps),
   * without the reader checks, which judge only our own pages.
   */
  public static Path snapshot(Page page, String name) {
    page.evaluate("document.fonts.ready");
    Path file = SCREENSHOTS.resolve(name + ".png");
    page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    assertThat(file).isNotEmptyFile();
    return file;
  }

  /** The checks, run in the page; they answer a list of problems, each naming the element. */
  private static final String CHECKS = """
      (phone) => {
        const problems = [];
        const width = document.documentElement.clientWidth;
        const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
          + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
          + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
        if (document.documentElement.scrollWidth > window.innerWidth) {
          problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
        }
        for (const el of document.body.querySelectorAll('*')) {
          if (el.closest('[hidden]') || el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue;
          const style = getComputedStyle(el);
          if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') continue;
          const box = el.getBoundingClientRect();
          if (box.width === 0 || box.height === 0) continue;
          if (!el.closest('.table-wrap') && (box.right > width + 1 || box.left < -1)) {
            problems.push('sticks out of the screen (' + Math.round(box.left) + '..' + Math.round(box.right) + '): ' + name(el));
          }
          const clips = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
          const control = ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
          if (clips && !control && !el.classList.contains('table-wrap') && el.scrollWidth > el.clientWidth + 1) {
            problems.push('text cut off: ' + name(el));
          }
          const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
          if (ownText && parseFloat(style.fontSize) < 12) {
            problems.push('text too small to read (' + style.fontSize + '): ' + name(el));
          }
          if (el.tagName === 'IMG' && el.complete && el.naturalWidth === 0) {
            problems.push('broken image: ' + name(el));
          }
        }
        for (const text of document.querySelectorAll('svg text')) {
          const size = parseFloat(text.getAttribute('font-size') || getComputedStyle(text).fontSize);
          const scale = text.ownerSVGElement.getBoundingClientRect().width / text.ownerSVGElement.viewBox.baseVal.width;
          if (size * scale < 11) problems.push('chart text too small (' + (size * scale).toFixed(1) + 'px): ' + text.textContent);
        }
        // Officials' data tables may scroll sideways inside their own box; applicants' pages have none.
        if (!document.body.classList.contains('wide')) {
          for (const wrap of document.querySelectorAll('.table-wrap')) {
            if (wrap.scrollWidth > wrap.clientWidth + 1) problems.push('table wider than the screen: ' + name(wrap));
          }
        }
        if (phone) {
          const targets = 'button, select, textarea, input:not([type=file]):not([type=checkbox]):not([type=radio]),'
            + ' a.button, label.file-button, .lang-switch, label.choice';
          for (const el of document.querySelectorAll(targets)) {
            if (el.closest('[hidden]') || getComputedStyle(el).display === 'none') continue;
            const box = el.getBoundingClientRect();
            if (box.width > 0 && box.height < 44) {
              problems.push('too small to tap (' + Math.round(box.height) + 'px high): ' + name(el));
            }
          }
        }
        return problems;
      }
      """;

  @Override
  public void close() {
    chromium.close();
    playwright.close();
  }
}
