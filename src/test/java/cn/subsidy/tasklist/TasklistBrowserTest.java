package cn.subsidy.tasklist;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.application.ApplicationStatus;
import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Browser;
import cn.subsidy.support.IntegrationTest;
import cn.subsidy.support.Journeys;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A county reviewer's day in the real Tasklist, in headless Chromium: log in, see only the county's
 * review, open it, read the case file, claim it, decide in the Camunda Form, complete it; the
 * application moves on. Screenshots of the form are kept in {@code target/screenshots/}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTest {

  @LocalServerPort int port;
  @Autowired Journeys journeys;

  Browser browser;

  @BeforeAll
  void startBrowser() {
    browser = Browser.launch(port);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  String inCountyReview(String county) {
    RegistryEntry person = journeys.newPerson(county);
    String no = journeys.submit(Journeys.transport(person, LocalDate.now(Journeys.BEIJING).minusMonths(5),
        "OTHER_PROVINCE"));
    journeys.awaitTask(no, "Task_CountyReview");
    return no;
  }

  Page loggedIn(String user) {
    Page page = browser.desktop().newPage();
    page.context().setDefaultTimeout(60_000);
    Browser.logIntoTasklist(page, user);
    page.locator("[cam-tasklist-filters]").waitFor();
    return page;
  }

  /** Picks an option of the form's decision select (form-js draws its own dropdown). */
  static void choose(Page page, Locator form, String option) {
    form.locator(".fjs-form-field-select .fjs-input-group").first().click();
    page.locator(".fjs-dropdownlist-item").filter(new Locator.FilterOptions().setHasText(option)).first().click();
    assertThat(form.locator(".fjs-form-field-select").first()).containsText(option);
  }

  /** Opens the application's task in the filter "我县的审核" and claims it. */
  static Locator claim(Page page, String applicationNo) {
    page.locator("[cam-tasklist-filters] .task-filter").filter(new Locator.FilterOptions().setHasText("我县的审核"))
        .first().click();
    Locator item = page.locator("li.task").filter(new Locator.FilterOptions().setHasText(applicationNo));
    assertThat(item).hasCount(1);
    item.locator("a").first().click();
    Locator task = page.locator("[cam-tasklist-task]");
    task.locator("button.claim").click();
    task.locator("button.unclaim").waitFor();
    return task;
  }

  @Test
  void aRejectionCannotBeCompletedWithoutItsReason() {
    journeys.on(port);
    String no = inCountyReview("532527");
    Page page = loggedIn("reviewer532527");
    Locator task = claim(page, no);
    Locator form = task.locator(".fjs-container");
    choose(page, form, "驳回");
    task.locator(".form-actions button.btn-primary[type=submit]").click();
    assertThat(form.locator(".fjs-form-field-error").first()).isVisible();
    Browser.snapshot(page, "tasklist-county-review-reject-needs-reason");
    assertThat(journeys.task(no, "Task_CountyReview")).as("not completed").isNotNull();
    Locator reason = form.locator("textarea").first();
    reason.click();
    reason.pressSequentially("务工证明系伪造");
    reason.press("Tab");
    assertThat(task.locator(".form-actions button.btn-primary[type=submit]")).isEnabled();
    // Tasklist's error notice from the first attempt lies over the button until it is closed.
    Locator notices = page.locator(".page-notifications .alert");
    for (int i = notices.count() - 1; i >= 0; i--) {
      notices.nth(i).locator("button[ng-click^=removeNotification]").click();
    }
    assertThat(notices).hasCount(0);
    task.locator(".form-actions button.btn-primary[type=submit]").click();
    journeys.awaitStatus(no, ApplicationStatus.REJECTED);
  }

  @Test
  void aReviewerDecidesTheirCountysApplicationWithoutLeavingTasklist() throws Exception {
    journeys.on(port);
    String mine = inCountyReview("532527");
    String other = inCountyReview("520181");
    Page page = loggedIn("reviewer532527");

    page.locator("[cam-tasklist-filters] .task-filter").filter(new Locator.FilterOptions().setHasText("我县的审核"))
        .first().click();
    assertThat(page.locator(".ce-eol-banner")).isHidden();

    Locator task = claim(page, mine);
    assertThat(page.locator("li.task").filter(new Locator.FilterOptions().setHasText(other))).hasCount(0);
    Locator form = task.locator(".fjs-container");
    assertThat(form).containsText(mine);
    assertThat(form).containsText("500.00");
    assertThat(form).containsText("自动资格审查全部通过");
    assertThat(form).containsText("5325**********");
    assertThat(form).containsText("邮件通知 / Mails");
    choose(page, form, "批准");
    form.locator("textarea").last().fill("材料齐全，同意");
    Path screenshot = Browser.snapshot(page, "tasklist-county-review-form");
    task.locator(".form-actions button.btn-primary[type=submit]").click();

    journeys.awaitStatus(mine, ApplicationStatus.PUBLIC_NOTICE);
    assertThat(journeys.statusOf(other)).isEqualTo(ApplicationStatus.UNDER_REVIEW);
    assertThat(Files.size(screenshot)).isGreaterThan(20_000);
  }
}
