package cn.subsidy.security;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * Camunda's identity store, except that {@code camunda-admin} can never lose its last direct member:
 * an administrator group without members reopens the webapps' anonymous "create first admin" page
 * (a published 7.24 weakness). Every change of users, memberships or tenants also tells
 * {@link VerifiedLogins}, once it is committed, to check remembered logins again.
 */
public class AdminGroupGuard extends DbIdentityServiceProvider {

  static final String ADMIN_GROUP = Groups.CAMUNDA_ADMIN;

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    if (ADMIN_GROUP.equals(groupId)) {
      ensureAnotherAdministratorThan(userId);
    }
    return changed(super.deleteMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    ensureAnotherAdministratorThan(userId);
    return changed(super.deleteUser(userId));
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    if (ADMIN_GROUP.equals(groupId)) {
      throw new BadUserRequestException("The group " + ADMIN_GROUP + " cannot be deleted.");
    }
    return changed(super.deleteGroup(groupId));
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    return changed(super.saveUser(user));
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    return changed(super.unlockUser(userId));
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    return changed(super.createMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteTenant(String tenantId) {
    return changed(super.deleteTenant(tenantId));
  }

  @Override
  public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
    return changed(super.createTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
    return changed(super.createTenantGroupMembership(tenantId, groupId));
  }

  @Override
  public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
    return changed(super.deleteTenantUserMembership(tenantId, userId));
  }

  @Override
  public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
    return changed(super.deleteTenantGroupMembership(tenantId, groupId));
  }

  private static IdentityOperationResult changed(IdentityOperationResult result) {
    Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> VerifiedLogins.identityChanged());
    return result;
  }

  private void ensureAnotherAdministratorThan(String userId) {
    CommandContext commandContext = Context.getCommandContext();
    List<User> administrators = commandContext.runWithoutAuthorization(
        () -> createUserQuery(commandContext).memberOfGroup(ADMIN_GROUP).list());
    boolean isAdministrator = administrators.stream().anyMatch(user -> user.getId().equals(userId));
    if (isAdministrator && administrators.size() == 1) {
      throw new BadUserRequestException("User " + userId + " is the last member of " + ADMIN_GROUP
          + "; add another administrator before removing it.");
    }
  }
}
