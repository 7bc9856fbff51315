package cn.subsidy.notification;

import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

/** The mail addresses of a group's members, whoever's step asks (the engine's checks do not apply here). */
@Component
class Recipients {

  private final IdentityService identityService;

  Recipients(IdentityService identityService) {
    this.identityService = identityService;
  }

  List<String> ofGroup(String groupId) {
    CommandContext context = Context.getCommandContext();
    List<User> members = context == null ? members(groupId)
        : context.runWithoutAuthorization(() -> members(groupId));
    return members.stream().map(User::getEmail).filter(Objects::nonNull).filter(e -> !e.isBlank()).distinct().toList();
  }

  private List<User> members(String groupId) {
    return identityService.createUserQuery().memberOfGroup(groupId).list();
  }
}
