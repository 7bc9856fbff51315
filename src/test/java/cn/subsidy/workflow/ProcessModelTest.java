package cn.subsidy.workflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A model's own test: the whole application with process test coverage recording every flow node and
 * sequence flow taken (HTML report in {@code target/process-test-coverage/}). After the class, the
 * build fails unless every element of the named models was taken ({@link ModelCoverageCheck}).
 * All model tests share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ModelCoverageCheck.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
@Import(ProcessEngineCoverageConfiguration.class)
public @interface ProcessModelTest {

  /** The process keys whose every flow the class must walk. */
  String[] value();
}
