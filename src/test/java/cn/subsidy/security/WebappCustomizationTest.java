package cn.subsidy.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.Http;
import cn.subsidy.support.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The webapps as officials get them: no Camunda 8 banner, Tasklist in Chinese with every key. */
@IntegrationTest
class WebappCustomizationTest {

  @LocalServerPort int port;

  @Test
  void camunda8BannerIsHiddenInEveryWebapp() {
    for (String app : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      Http.Response css = Http.anonymous(port).get("/camunda/app/" + app + "/styles/user-styles.css");
      assertThat(css.status()).as(app).isEqualTo(200);
      assertThat(css.body()).as(app).contains(".ce-eol-banner { display: none !important; }");
    }
  }

  @Test
  void tasklistOffersChineseFirstAndEnglish() {
    String config = Http.anonymous(port).get("/camunda/app/tasklist/scripts/config.js").body();
    assertThat(config).contains("availableLocales: ['zh-CN', 'en']").contains("fallbackLocale: 'zh-CN'");
  }

  @Test
  void chineseTranslationHasEveryKeyOfTheEnglishOne() throws Exception {
    JsonNode english;
    try (InputStream in = getClass().getResourceAsStream(
        "/META-INF/resources/webjars/camunda/app/tasklist/locales/en.json")) {
      english = Http.JSON.readTree(new String(in.readAllBytes(), "UTF-8").replace("\uFEFF", ""));
    }
    Http.Response served = Http.anonymous(port).get("/camunda/app/tasklist/locales/zh-CN.json");
    assertThat(served.status()).isEqualTo(200);
    JsonNode chinese = Http.JSON.readTree(served.body().replace("\uFEFF", ""));
    assertThat(keys(chinese, "")).isEqualTo(keys(english, "")).hasSizeGreaterThanOrEqualTo(443);
    assertThat(chinese.at("/labels/CLAIM_TASK").asText()).isNotEqualTo(english.at("/labels/CLAIM_TASK").asText());
  }

  private static TreeSet<String> keys(JsonNode node, String prefix) {
    TreeSet<String> keys = new TreeSet<>();
    if (!node.isObject()) {
      keys.add(prefix);
      return keys;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      keys.addAll(keys(field.getValue(), prefix + "/" + field.getKey()));
    }
    return keys;
  }
}
