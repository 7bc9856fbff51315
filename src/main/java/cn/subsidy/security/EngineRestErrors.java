package cn.subsidy.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Clear answers from {@code /engine-rest} where Camunda answers 500: an official's refused decision
 * (a rejection without a reason) is a 400 with the reason, two officials claiming or completing the
 * same task at once get a 409 for the one who lost, and an official who names a task of a county they do
 * not work for gets a 403, as for any task they are not authorized for.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer engineRestErrorMappers() {
    return config -> config.register(RefusedDecisionMapper.class).register(ClaimConflictMapper.class)
        .register(ConcurrentChangeMapper.class).register(OtherCountyMapper.class);
  }

  /**
   * Camunda's check of the county's tenant (see {@code CountyTenants}; the engine runs it after the
   * authorization check, so it refuses only what a grant across counties let through) refuses with a
   * plain engine exception of this code, which Camunda's mappers answer with a 500.
   */
  static final String OTHER_TENANT = "ENGINE-13034";

  static boolean otherCounty(Throwable t) {
    return t instanceof ProcessEngineException && t.getMessage() != null && t.getMessage().startsWith(OTHER_TENANT);
  }

  static Response otherCounty() {
    return json(Response.Status.FORBIDDEN, "AuthorizationException",
        "这属于您不负责的县 / This belongs to a county you do not work for.");
  }

  static Response json(Response.Status status, String type, String message) {
    return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", type, "message", message)).build();
  }

  /** A task listener refused the decision: 400 with the listener's words. */
  @Priority(1)
  public static class RefusedDecisionMapper implements ExceptionMapper<RestException> {
    @Override
    public Response toResponse(RestException exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof FormFieldValidationException refused) {
          return json(Response.Status.BAD_REQUEST, "FormFieldValidationException", refused.getMessage());
        }
        if (t instanceof OptimisticLockingException) {
          return json(Response.Status.CONFLICT, "OptimisticLockingException",
              "该任务刚被他人办理，请刷新后重试 / Someone else changed this task at the same moment; reload and try again.");
        }
        if (otherCounty(t)) {
          return otherCounty();
        }
      }
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** A task or instance of another county's tenant: 403; anything else as Camunda answers it. */
  @Priority(1)
  public static class OtherCountyMapper implements ExceptionMapper<ProcessEngineException> {
    @Override
    public Response toResponse(ProcessEngineException exception) {
      return otherCounty(exception) ? otherCounty() : ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
  }

  /** The task was claimed by someone else a moment earlier. */
  public static class ClaimConflictMapper implements ExceptionMapper<TaskAlreadyClaimedException> {
    @Override
    public Response toResponse(TaskAlreadyClaimedException exception) {
      return json(Response.Status.CONFLICT, "TaskAlreadyClaimedException", "该任务已被 " + exception.getTaskAssignee()
          + " 认领 / The task is already claimed by " + exception.getTaskAssignee() + ".");
    }
  }

  /** Two changes of the same data at once: the later one is refused. */
  public static class ConcurrentChangeMapper implements ExceptionMapper<OptimisticLockingException> {
    @Override
    public Response toResponse(OptimisticLockingException exception) {
      return json(Response.Status.CONFLICT, "OptimisticLockingException",
          "该任务刚被他人办理，请刷新后重试 / Someone else changed this task at the same moment; reload and try again.");
    }
  }
}
