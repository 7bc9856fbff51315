package cn.subsidy.portal;

import static cn.subsidy.support.Browser.expect;
import static cn.subsidy.support.Browser.screenshot;
import static cn.subsidy.support.Browser.shows;
import static cn.subsidy.support.Browser.showsPart;
import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.registry.RegistryEntry;
import cn.subsidy.support.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A village clerk files for several people in a row on a phone; county staff import a CSV batch with
 * their Tasklist login and see what happened to every row.
 */
class ClerkBrowserTest extends PortalBrowserTest {

  @Test
  void fileForTwoPeopleInARow() {
    List<RegistryEntry> people = List.of(walk.newPerson("532527"), walk.newPerson("532527"));
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate("/clerk.html");
      page.fill("#f-agent-name", "李代办");
      page.fill("#f-agent-organization", "向阳村村委会");
      for (RegistryEntry person : people) {
        ApplyFormPage form = new ApplyFormPage(page);
        if (person == people.get(0)) {
          form.transport();
        }
        form.applicant("532527", person.name(), person.idNumber()).workAway(Walk.workStart()).account()
            .transportDocuments().pledge().submit();
        Browser.showsPartWithin(page.locator("#last-filed"), "已为 " + person.name() + " 提交申请", 60);
      }
      expect(page.locator("#filed-list > li")).hasCount(2);
      // The next applicant starts from an empty form with the clerk, county and subsidy kept.
      expect(page.locator("#f-applicant-name")).hasValue("");
      expect(page.locator("#f-agent-name")).hasValue("李代办");
      expect(page.locator("#f-countyCode")).hasValue("532527");
      expect(page.locator("input[name=\"type\"][value=\"TRANSPORT\"]")).isChecked();
      screenshot(page, "clerk-01-two-filed-in-a-row", true);
    }
    for (RegistryEntry person : people) {
      Map<String, Object> row = jdbc.sql("select channel, filed_by from application where id_number = ?")
          .param(person.idNumber()).query().singleRow();
      assertThat(row).containsEntry("channel", "CLERK").containsEntry("filed_by", "代办 李代办（向阳村村委会）");
      assertThat(jdbc.sql("select count(*) from document d join application a using (application_no)"
          + " where a.id_number = ?").param(person.idNumber()).query(Long.class).single()).isEqualTo(4);
    }
  }

  @Test
  void importABatchWithTheTasklistLogin() {
    RegistryEntry good = walk.newPerson("532527");
    String start = Walk.workStart().toString();
    String year = start.substring(0, 4);
    String csv = "类型,身份证号码,姓名,电话,邮箱,县代码,开户银行,账号,承诺书,培训职业,证书等级,证书编号,发证日期,培训天数,"
        + "补助年度,务工省份,务工地市,务工县区,就业单位,务工开始日期,务工地类别,车费\n"
        + "TRANSPORT," + good.idNumber() + "," + good.name() + ",13800138000,,532527,农业银行,6228480012345678901,是,,,,,,"
        + year + ",浙江省,宁波市,,宁波某服装厂," + start + ",OTHER_PROVINCE,\n"
        + "TRANSPORT,532527198001010000,某某,138,,532527,农业银行,12,否,,,,,," + year + ",浙江省,,,,,OTHER_PROVINCE,\n";
    try (BrowserContext phone = browser.phone()) {
      Page page = phone.newPage();
      page.navigate("/clerk.html#batch");
      shows(page.locator("#batch-login"), "去登录");
      screenshot(page, "clerk-02-batch-needs-login", true);

      Browser.logIntoTasklist(page, "reviewer532527");
      page.navigate("/clerk.html#batch");
      showsPart(page.locator("#batch-card"), "reviewer532527");
      page.setInputFiles("#batch-file", TestFiles.csv("申请-第一批.csv", csv));
      page.locator("#batch-submit").click();
      showsPart(page.locator("#batch-summary"), "已提交 1 份，有问题 1 行");
      expect(page.locator("#batch-rows > li")).hasCount(2);
      showsPart(page.locator("#batch-rows > li").nth(0), "532527-");
      showsPart(page.locator("#batch-rows > li").nth(1), "身份证号码校验位错误");
      showsPart(page.locator("#batch-rows > li").nth(1), "账号应为10到30位数字");
      screenshot(page, "clerk-03-batch-result", true);
    }
    assertThat(jdbc.sql("select channel from application where id_number = ?").param(good.idNumber())
        .query(String.class).single()).isEqualTo("BATCH");
    assertThat(jdbc.sql("select count(*) from application where id_number = '532527198001010000'").query(Long.class)
        .single()).isZero();
  }
}
