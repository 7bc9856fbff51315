package cn.subsidy.tasklist;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager, reading the groups that hold authorizations through the group index
 * ({@code AuthorizedGroups.xml}) instead of through all authorizations. Camunda asks for them once per
 * command that checks authorizations, to leave out the user's groups without any; with one
 * authorization per open task that read cost 20 ms on every request of an official.
 */
class AuthorizedGroupsManager extends AuthorizationManager {

  static final String SELECT_AUTHORIZED_GROUP_IDS = "cn.subsidy.tasklist.AuthorizedGroups.selectAuthorizedGroupIds";

  @Override
  @SuppressWarnings("unchecked")
  protected Set<String> getAllGroups() {
    if (availableAuthorizedGroupIds == null) {
      availableAuthorizedGroupIds = new HashSet<String>(getDbEntityManager().selectList(SELECT_AUTHORIZED_GROUP_IDS));
    }
    return availableAuthorizedGroupIds;
  }

  /** Puts this manager in the place of Camunda's (a custom session factory of the same session type). */
  static class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AuthorizedGroupsManager();
    }
  }
}
