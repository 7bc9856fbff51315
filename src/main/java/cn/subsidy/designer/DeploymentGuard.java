package cn.subsidy.designer;

import cn.subsidy.application.ApplicationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.BeanFactory;

/**
 * Refuses a deployment that would leave applications without their form, their amounts or a step's
 * code (部署检查), before anything is stored. The models bind forms and decision tables to their own
 * deployment, so that a running application keeps what it started with; that makes three mistakes
 * easy in Camunda Modeler, and each is named here in words a designer understands:
 * <ul>
 *   <li>a model deployed without the form or decision table it binds (new applications would stop at
 *       that step);</li>
 *   <li>a decision table or form deployed without the model that binds it (it would never be used);</li>
 *   <li>a step that calls a bean the application does not have, or declares a status that does not exist.</li>
 * </ul>
 */
class DeploymentGuard implements Deployer {

  private final BeanFactory beans;

  DeploymentGuard(BeanFactory beans) {
    this.beans = beans;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    Map<String, byte[]> resources = new LinkedHashMap<>();
    deployment.getResources().forEach((name, resource) -> resources.put(name, resource.getBytes()));
    ModelBindings deployed;
    try {
      deployed = ModelBindings.of(resources);
    } catch (IllegalArgumentException e) {
      throw new BadUserRequestException("部署被拒绝 / Deployment refused: " + e.getMessage());
    }
    List<String> problems = new ArrayList<>();
    deployed.processes().forEach((id, process) -> missing(id, process, deployed, problems));
    boundElsewhere(deployed, problems);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException("部署被拒绝，未保存任何内容 / Deployment refused, nothing was stored:\n- "
          + String.join("\n- ", problems));
    }
  }

  private void missing(String processId, ModelBindings.Process process, ModelBindings deployed, List<String> problems) {
    process.forms().forEach((task, form) -> {
      if (!deployed.forms().contains(form)) {
        problems.add(process.resource() + "：" + task + " 使用表单 " + form + "，请在部署时同时选择该表单文件 / " + task
            + " binds form '" + form + "' to this deployment: select its .form file too when you deploy.");
      }
    });
    process.decisions().forEach((task, decision) -> {
      if (!deployed.decisions().contains(decision)) {
        problems.add(process.resource() + "：" + task + " 使用决策表 " + decision + "，请在部署时同时选择该 DMN 文件 / "
            + task + " binds decision '" + decision + "' to this deployment: select its .dmn file too when you deploy.");
      }
    });
    process.statuses().forEach((element, status) -> {
      if (Arrays.stream(ApplicationStatus.values()).noneMatch(known -> known.name().equals(status))) {
        problems.add(process.resource() + "：" + element + " 的状态 " + status + " 不存在 / the status '" + status + "' of "
            + element + " is no application status; one of " + Arrays.toString(ApplicationStatus.values()) + ".");
      }
    });
    process.beans().forEach((element, bean) -> {
      if (!beans.containsBean(bean)) {
        problems.add(process.resource() + "：" + element + " 调用的 ${" + bean + "} 在系统中不存在 / " + element
            + " calls ${" + bean + "}, which the application does not have (process " + processId + ").");
      }
    });
  }

  /** Decision tables and forms that a deployed process binds to its own deployment, sent without it. */
  private static void boundElsewhere(ModelBindings deployed, List<String> problems) {
    Set<String> decisions = new TreeSet<>(deployed.decisions());
    Set<String> forms = new TreeSet<>(deployed.forms());
    deployed.processes().values().forEach(p -> {
      decisions.removeAll(p.decisions().values());
      forms.removeAll(p.forms().values());
    });
    if (decisions.isEmpty() && forms.isEmpty()) {
      return;
    }
    RepositoryService repository = Context.getProcessEngineConfiguration().getRepositoryService();
    for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().list()) {
      if (deployed.processes().containsKey(latest.getKey())) {
        continue;
      }
      byte[] model;
      try (InputStream stream = repository.getProcessModel(latest.getId())) {
        model = stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ModelBindings.Process bound = ModelBindings.processes(latest.getResourceName(), model).get(latest.getKey());
      if (bound == null) {
        continue;
      }
      bound.decisions().values().stream().filter(decisions::contains).distinct().forEach(d -> problems.add(
          "决策表 " + d + " 只对与流程 " + latest.getResourceName() + " 一起部署的版本生效，请同时部署该流程 / Decision '" + d
              + "' is bound to the deployment of " + latest.getResourceName() + " (" + latest.getKey()
              + "): alone it changes no application; deploy it together with that model."));
      bound.forms().values().stream().filter(forms::contains).distinct().forEach(f -> problems.add(
          "表单 " + f + " 只对与流程 " + latest.getResourceName() + " 一起部署的版本生效，请同时部署该流程 / Form '" + f
              + "' is bound to the deployment of " + latest.getResourceName() + " (" + latest.getKey()
              + "): alone it changes no application; deploy it together with that model."));
    }
  }
}
