package cn.subsidy.designer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * A designer's changes to the transport subsidy, made from the model in {@code processes/} so that they
 * never lag behind it, and deployed with the model's own decision table and form as Modeler would.
 */
final class ChangedTransportModel {

  static final String SIGN_OFF = "Task_CountySignOff";

  private ChangedTransportModel() {}

  /** After the public notice and before provincial approval, the county's supervisors sign off (县级复核). */
  static String deployWithSignOff(RepositoryService repositoryService) {
    BpmnModelInstance model = current();
    SequenceFlow noticeEnded = model.getModelElementById("Flow_NoticeEnded");
    FlowNode approval = noticeEnded.getTarget();
    Process process = model.getModelElementById("transportSubsidy");

    UserTask signOff = model.newInstance(UserTask.class);
    signOff.setId(SIGN_OFF);
    signOff.setName("县级复核");
    signOff.setCamundaCandidateGroups("supervisors${countyCode}");
    process.addChildElement(signOff);
    SequenceFlow signedOff = model.newInstance(SequenceFlow.class);
    signedOff.setId("Flow_SignedOff");
    process.addChildElement(signedOff);
    signedOff.setSource(signOff);
    signedOff.setTarget(approval);

    noticeEnded.setTarget(signOff);
    approval.getIncoming().remove(noticeEnded);
    approval.getIncoming().add(signedOff);
    signOff.getIncoming().add(noticeEnded);
    signOff.getOutgoing().add(signedOff);
    return deploy(repositoryService, model);
  }

  /** The county review under another id: applications waiting in it have no step to move to. */
  static String deployWithCountyReviewReplaced(RepositoryService repositoryService) {
    BpmnModelInstance model = current();
    UserTask review = model.getModelElementById("Task_CountyReview");
    review.setId("Task_CountyCheck");
    return deploy(repositoryService, model);
  }

  /** The supervisors' alert on another deadline: a timer the designer changed. */
  static String deployWithLaterAlert(RepositoryService repositoryService) {
    BpmnModelInstance model = current();
    TimerEventDefinition timer = model.getModelElementById("TimerDef_ReviewOverdue");
    timer.getTimeDate().setTextContent("${deadlines.due('county-review-extended')}");
    return deploy(repositoryService, model);
  }

  private static BpmnModelInstance current() {
    return Bpmn.readModelFromFile(new File("processes/transport-subsidy.bpmn"));
  }

  private static String deploy(RepositoryService repositoryService, BpmnModelInstance model) {
    return repositoryService.createDeployment().name("transport-subsidy").source("Camunda Modeler")
        .addModelInstance("transport-subsidy.bpmn", model)
        .addInputStream("transport-amount.dmn", open("processes/transport-amount.dmn"))
        .addInputStream("county-review.form", open("forms/county-review.form"))
        .deploy().getId();
  }

  private static InputStream open(String file) {
    try {
      return Files.newInputStream(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
