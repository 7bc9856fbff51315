package cn.subsidy.workflow;

import cn.subsidy.application.ApplicationLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting in the engine right now: the logged-in official, else the task's assignee, else the system. */
public final class Actors {

  private Actors() {}

  /**
   * The job executor runs a job of a county's process with an authentication of the county's tenant and
   * no user (see {@code CountyTenants}): that is the system acting.
   */
  private static String userOf(Authentication authentication) {
    return authentication == null ? null : authentication.getUserId();
  }

  public static String current(DelegateExecution execution) {
    Authentication authentication = execution.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    String user = userOf(authentication);
    return user == null ? ApplicationLifecycle.SYSTEM : user;
  }

  public static String current(DelegateTask task) {
    Authentication authentication = task.getProcessEngineServices().getIdentityService()
        .getCurrentAuthentication();
    String user = userOf(authentication);
    if (user != null) {
      return user;
    }
    return task.getAssignee() == null ? ApplicationLifecycle.SYSTEM : task.getAssignee();
  }
}
