package cn.subsidy.tasklist;

import cn.subsidy.security.Role;
import cn.subsidy.security.RoleAuthorizations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role. A filter selects the role's tasks of the official's own groups
 * ({@code ${currentUserGroups()}}), and authorization still hides every task of another county or
 * province, so a filter never shows what its user may not see.
 */
@Component
public class TasklistFilters {

  /** Task definition keys of the county reviewers' work. */
  public static final List<String> COUNTY_TASKS = List.of("Task_CountyReview", "Task_HandleObjection");
  /** Task definition keys of the province approvers' work. */
  public static final List<String> PROVINCE_TASKS = List.of("Task_ProvinceApproval");
  /** Task definition keys of the county finance staff's work. */
  public static final List<String> PAYMENT_TASKS = List.of("Task_CreatePaymentBatch");

  record Definition(String name, String description, List<String> taskKeys, List<Role> roles, int priority) {}

  static final List<Definition> DEFINITIONS = List.of(
      new Definition("我县的审核 / My county's reviews", "本县待审核的申请和异议 / Reviews and objections of my county",
          COUNTY_TASKS, List.of(Role.REVIEWER, Role.SUPERVISOR), 10),
      new Definition("我省的审批 / My province's approvals", "本省待审批的申请 / Approvals of my province",
          PROVINCE_TASKS, List.of(Role.APPROVER), 20),
      new Definition("我县的支付 / My county's payments", "本县待支付的补贴 / Payments of my county",
          PAYMENT_TASKS, List.of(Role.FINANCE), 30),
      new Definition("我的任务 / My tasks", "我已认领的任务 / Tasks I have claimed", List.of(),
          List.of(Role.REVIEWER, Role.SUPERVISOR, Role.APPROVER, Role.FINANCE), 40));

  private final FilterService filterService;
  private final TaskService taskService;
  private final RoleAuthorizations authorizations;

  TasklistFilters(FilterService filterService, TaskService taskService, RoleAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  /** Creates missing filters and lets each role read its own. */
  public void ensure() {
    for (Definition definition : DEFINITIONS) {
      Filter filter = filterService.createFilterQuery().filterName(definition.name()).singleResult();
      if (filter == null) {
        filter = filterService.newTaskFilter(definition.name());
        filter.setOwner(null);
        filter.setQuery(query(definition));
        filter.setProperties(properties(definition));
        filterService.saveFilter(filter);
      }
      for (Role role : definition.roles()) {
        authorizations.grant(role.roleGroup(), Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  private TaskQuery query(Definition definition) {
    TaskQuery query = taskService.createTaskQuery();
    if (definition.taskKeys().isEmpty()) {
      query.taskAssigneeExpression("${currentUser()}");
    } else {
      query.taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
          .taskDefinitionKeyIn(definition.taskKeys().toArray(String[]::new));
    }
    return query.orderByTaskCreateTime().asc();
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    properties.put("variables", List.of(
        Map.of("name", "applicationNo", "label", "申请编号 / Application"),
        Map.of("name", "applicantName", "label", "申请人 / Applicant"),
        Map.of("name", "amount", "label", "金额 / Amount")));
    return properties;
  }
}
