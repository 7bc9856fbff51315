package cn.subsidy.designer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.subsidy.support.IntegrationTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The build fails when a model in {@code processes/} or a form in {@code forms/} breaks the house
 * rules (see {@link ModelConventions}); delegate beans are looked up in the running application.
 */
@IntegrationTest
class ModelConventionsTest {

  @Autowired ApplicationContext context;

  @Test
  void modelsAndFormsFollowTheHouseRules() {
    List<String> violations = ModelConventions.check(Path.of("."), context::containsBean);
    assertThat(violations).as(String.join("\n", violations)).isEmpty();
  }

  @Test
  void aDelegateBeanTheApplicationLacksFailsTheCheck(@TempDir Path scratch) {
    Path copy = ModelCopy.of(scratch);
    ModelCopy.replace(copy, "processes/public-notice.bpmn", "\\$\\{publishNotice}", "\\${publishNotices}");
    assertThat(ModelConventions.check(copy, context::containsBean))
        .containsExactly("processes/public-notice.bpmn: Task_PublishNotice: service task uses bean 'publishNotices', "
            + "which the application does not have");
  }
}
