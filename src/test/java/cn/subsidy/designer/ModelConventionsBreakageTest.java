package cn.subsidy.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The model conventions catch what they promise: a copy of the real models, broken in one way per
 * case, yields the violation a designer needs to read; the unbroken copy yields none. Beans are judged
 * by name here ({@code missing…} do not exist); ModelConventionsTest asks the running application.
 */
class ModelConventionsBreakageTest {

  private static final String TRANSPORT = "processes/transport-subsidy.bpmn";
  private static final String TRANSPORT_DMN = "processes/transport-amount.dmn";
  private static final String TRAINING_DMN = "processes/training-amount.dmn";
  private static final String XML = ModelConventions.PROCESSES_XML;

  @TempDir Path scratch;

  record Breakage(String rule, String file, String regex, String replacement, String expected) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Breakage literal(String rule, String file, String text, String replacement, String expected) {
    return new Breakage(rule, file, Pattern.quote(text), replacement.replace("$", "\\$"), expected);
  }

  static Stream<Breakage> breakages() {
    return Stream.of(
        literal("user task without a form", TRANSPORT,
            " camunda:formRef=\"countyReview\" camunda:formRefBinding=\"deployment\"", "",
            "Task_CountyReview: user task has no form"),
        literal("form bound to the latest version", TRANSPORT, "camunda:formRefBinding=\"deployment\"",
            "camunda:formRefBinding=\"latest\"", "Task_CountyReview: form binding must be 'deployment'"),
        literal("candidate group without expression", TRANSPORT, "camunda:candidateGroups=\"reviewers${countyCode}\"",
            "camunda:candidateGroups=\"reviewers\"", "Task_CountyReview: user task needs candidate groups by expression"),
        literal("service task with a Java class", TRANSPORT, "camunda:delegateExpression=\"${checkEligibility}\"",
            "camunda:class=\"cn.subsidy.eligibility.CheckEligibilityDelegate\"", "Task_CheckEligibility: no camunda:class"),
        literal("service task with an expression", TRANSPORT, "camunda:delegateExpression=\"${checkEligibility}\"",
            "camunda:expression=\"${checkEligibility.execute(execution)}\"",
            "Task_CheckEligibility: service task must use a delegate expression ${beanName}"),
        literal("delegate bean that does not exist", TRANSPORT, "${recordAmount}", "${missingRecorder}",
            "Task_RecordAmount: service task uses bean 'missingRecorder', which the application does not have"),
        literal("task listener bean that does not exist", TRANSPORT, "${countyReviewDecision}", "${missingDecision}",
            "Task_CountyReview: taskListener uses bean 'missingDecision'"),
        literal("script in a listener", TRANSPORT,
            "<camunda:taskListener delegateExpression=\"${countyReviewDecision}\" event=\"complete\" />",
            "<camunda:taskListener event=\"complete\"><camunda:script scriptFormat=\"javascript\">1</camunda:script>"
                + "</camunda:taskListener>",
            "Task_CountyReview: no scripts in models"),
        new Breakage("process without history time to live", TRANSPORT,
            "(<bpmn:process id=\"transportSubsidy\"[^>]*) camunda:historyTimeToLive=\"3650\"", "$1",
            "transportSubsidy: process needs camunda:historyTimeToLive"),
        literal("decision without history time to live", TRANSPORT_DMN,
            "<decision id=\"transportAmount\" name=\"一次性交通补助金额\" camunda:historyTimeToLive=\"3650\">",
            "<decision id=\"transportAmount\" name=\"一次性交通补助金额\">",
            "transportAmount: decision needs camunda:historyTimeToLive"),
        literal("Modeler's random id", TRANSPORT, "Gateway_Eligible", "Gateway_0x1y2z3",
            "Gateway_0x1y2z3: exclusiveGateway ids must read like [Gateway_Meaningful]"),
        literal("task id with the wrong prefix", TRANSPORT, "Task_RecordAmount", "Activity_RecordAmount",
            "Activity_RecordAmount: serviceTask ids must read like [Task_Meaningful]"),
        new Breakage("element without a diagram shape", TRANSPORT,
            "<bpmndi:BPMNShape id=\"Task_RecordAmount_di\"[\\s\\S]*?</bpmndi:BPMNShape>", "",
            "Task_RecordAmount: serviceTask has no shape in the diagram"),
        new Breakage("flow without a diagram edge", TRANSPORT,
            "<bpmndi:BPMNEdge id=\"Flow_Paid_di\"[\\s\\S]*?</bpmndi:BPMNEdge>", "",
            "Flow_Paid: sequenceFlow has no shape in the diagram"),
        literal("status that does not exist", TRANSPORT, "value=\"UNDER_REVIEW\"", "value=\"IN_REVIEW\"",
            "Task_CountyReview: status 'IN_REVIEW' is no application status"),
        literal("form that is not in the archive", TRANSPORT, "camunda:formRef=\"countyReview\"",
            "camunda:formRef=\"provinceApproval\"",
            "Task_CountyReview binds form 'provinceApproval', which is not in archive transportSubsidy"),
        literal("decision that is not in the archive", TRANSPORT, "camunda:decisionRef=\"transportAmount\"",
            "camunda:decisionRef=\"trainingAmount\"",
            "Task_CalculateAmount binds decision 'trainingAmount', which is not in archive transportSubsidy"),
        literal("decision bound to the latest version", TRANSPORT, "camunda:decisionRefBinding=\"deployment\"",
            "camunda:decisionRefBinding=\"latest\"", "Task_CalculateAmount: decision binding must be 'deployment'"),
        literal("call activity that loses the application number", TRANSPORT,
            "<camunda:in businessKey=\"#{execution.processBusinessKey}\" />", "",
            "CallActivity_PublicNotice: call activity must pass the application number"),
        literal("call of a process that does not exist", TRANSPORT, "calledElement=\"publicNotice\"",
            "calledElement=\"publicNotices\"", "CallActivity_PublicNotice calls process 'publicNotices'"),
        literal("model file in no archive", XML, "<resource>forms/province-approval.form</resource>", "",
            "forms/province-approval.form is in no process archive"),
        literal("archive that deploys changed files only", XML, "<property name=\"isDeployChangedOnly\">false</property>",
            "<property name=\"isDeployChangedOnly\">true</property>",
            "archive transportSubsidy: needs isDeployChangedOnly=false"),
        literal("archive that lists a missing file", XML, "<resource>processes/transport-amount.dmn</resource>",
            "<resource>processes/transport-amount.dmn</resource><resource>forms/gone.form</resource>",
            "lists forms/gone.form, which does not exist"),
        literal("form id that is not the file name", "forms/county-review.form", "\"id\": \"countyReview\"",
            "\"id\": \"countyReviewForm\"", "forms/county-review.form: form id is 'countyReviewForm'"),
        literal("form field with a random id", "forms/county-review.form", "\"id\": \"Field_CountyDecision\"",
            "\"id\": \"Field_0abc123\"", "component id 'Field_0abc123' must be meaningful"),
        new Breakage("decision without a diagram shape", TRAINING_DMN,
            "<dmndi:DMNShape id=\"DMNShape_livingAllowance\"[\\s\\S]*?</dmndi:DMNShape>", "",
            "livingAllowance: decision has no shape in the decision requirements diagram"),
        literal("DMN file not named after its decision", TRANSPORT_DMN, "<decision id=\"transportAmount\"",
            "<decision id=\"transportAmounts\"", "holds no decision 'transportAmount'"));
  }

  @Test
  void theProjectsModelsFollowTheConventions() {
    assertThat(ModelConventions.check(ModelCopy.of(scratch), bean -> true)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void eachBrokenRuleIsReported(Breakage breakage) {
    Path root = ModelCopy.of(scratch);
    ModelCopy.replace(root, breakage.file(), breakage.regex(), breakage.replacement());
    List<String> violations = ModelConventions.check(root, bean -> !bean.startsWith("missing"));
    assertThat(violations).as(breakage.rule()).anyMatch(v -> v.contains(breakage.expected()));
  }
}
