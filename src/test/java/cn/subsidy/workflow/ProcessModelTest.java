package cn.subsidy.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import cn.subsidy.support.IntegrationTest;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A model's own test: the whole application with process test coverage recording every flow node and
 * sequence flow taken (HTML report in {@code target/process-test-coverage/}). After the class, the
 * build fails unless every element of the named models was taken ({@link ModelCoverageCheck}).
 * Model tests share the one application context of {@link IntegrationTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ModelCoverageCheck.class)
@IntegrationTest
public @interface ProcessModelTest {

  /** The process keys whose every flow the class must walk. */
  String[] value();
}
