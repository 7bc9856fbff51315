package cn.subsidy.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Gives each role exactly what it needs, and no more. Officials get the Tasklist and may read process
 * definitions; their tasks become visible to them only through the candidate group of their county or
 * province, which the engine authorizes task by task. They never get TASK * READ, filter creation or
 * process instance access. Designers deploy and read models but no instance, task or history, so
 * they see no applicant's personal data.
 */
@Component
public class RoleAuthorizations {

  record Grant(Resource resource, String resourceId, Permission... permissions) {}

  private static final List<Grant> OFFICIAL = List.of(
      new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
      new Grant(Resources.PROCESS_DEFINITION, ANY, Permissions.READ));

  private static final List<Grant> DESIGNER = List.of(
      new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
      new Grant(Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ),
      new Grant(Resources.PROCESS_DEFINITION, ANY, Permissions.READ),
      new Grant(Resources.DECISION_DEFINITION, ANY, Permissions.READ),
      new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  RoleAuthorizations(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** Creates the role groups and their grants where missing. */
  public void ensure() {
    for (Role role : Role.values()) {
      ensureGroup(role.roleGroup(), role.name().toLowerCase());
      for (Grant grant : role == Role.DESIGNER ? DESIGNER : OFFICIAL) {
        grant(role.roleGroup(), grant.resource(), grant.resourceId(), grant.permissions());
      }
    }
  }

  /** Grants {@code permissions} on one resource to a group, adding to what it already has. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
        .resourceType(resource).resourceId(resourceId).singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = false;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private void ensureGroup(String id, String name) {
    if (identityService.createGroupQuery().groupId(id).singleResult() == null) {
      Group group = identityService.newGroup(id);
      group.setName(name);
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
  }
}
