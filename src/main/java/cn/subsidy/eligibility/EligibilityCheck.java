package cn.subsidy.eligibility;

import cn.subsidy.application.Application;
import cn.subsidy.application.ApplicationLifecycle;
import cn.subsidy.application.ApplicationType;
import cn.subsidy.application.Applications;
import cn.subsidy.application.Reason;
import cn.subsidy.application.StatusChanged;
import cn.subsidy.database.ClusterLock;
import cn.subsidy.registry.Category;
import cn.subsidy.registry.Registry;
import cn.subsidy.registry.RegistryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The automatic eligibility check (step 2 of the policy): every rule data can decide, all failures
 * listed. An eligible application takes its claim (once per year, once per occupation and level) in
 * the same transaction, under a per-person lock, so that of two identical applications checked at the
 * same moment, on one server or two, exactly one proceeds.
 */
@Service
public class EligibilityCheck {

  /** The outcome: eligible (with the person's registry category), or every reason why not. */
  public record Result(boolean eligible, List<Reason> reasons, Optional<Category> category) {}

  private final Applications applications;
  private final Registry registry;
  private final Claims claims;
  private final ClusterLock lock;
  private final ApplicationLifecycle lifecycle;
  private final JdbcClient jdbc;
  private final List<EligibilityRule> rules;

  EligibilityCheck(Applications applications, Registry registry, Claims claims, ClusterLock lock,
      ApplicationLifecycle lifecycle, JdbcClient jdbc, EligibilitySettings settings) {
    this.applications = applications;
    this.registry = registry;
    this.claims = claims;
    this.lock = lock;
    this.lifecycle = lifecycle;
    this.jdbc = jdbc;
    this.rules = Rules.all(settings);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public Result check(String applicationNo) {
    Application a = applications.findForUpdate(applicationNo)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationNo));
    lock.lockInCurrentTransaction("person:" + a.idNumber());
    List<Reason> reasons = new ArrayList<>();
    EligibilityFacts facts = facts(a);
    for (EligibilityRule rule : rules) {
      reasons.addAll(rule.check(facts));
    }
    if (reasons.isEmpty() && !claims.claim(a)) {
      reasons.add(duplicateReason(a));
    }
    lifecycle.setReasons(applicationNo, reasons);
    lifecycle.recordDecision(applicationNo, "ELIGIBILITY_CHECK", ApplicationLifecycle.SYSTEM,
        reasons.isEmpty() ? "ELIGIBLE" : "INELIGIBLE", reasons.isEmpty() ? null : reasons.size() + " rule(s) failed");
    return new Result(reasons.isEmpty(), reasons, facts.registryEntry().map(RegistryEntry::category));
  }

  /** A rejected or withdrawn application gives its claim back. */
  @EventListener
  void releaseClaims(StatusChanged change) {
    if (change.to().isClosedUnpaid()) {
      claims.release(change.applicationNo());
    }
  }

  EligibilityFacts facts(Application a) {
    boolean training = a.type() == ApplicationType.TRAINING;
    return new EligibilityFacts(a.type(), a.countyCode(), a.idNumber(), a.name(), a.pledge(),
        a.applicationDate(), registry.find(a.countyCode(), a.idNumber()), otherRegistryCounties(a),
        a.transportYear(), a.employmentStart(),
        training ? Optional.empty() : claims.transportHolder(a.idNumber(), a.transportYear(), a.applicationNo()),
        a.occupation(), a.level(), a.certificateDate(),
        training ? claims.trainingHolder(a.idNumber(), a.occupation(), a.level(), a.applicationNo())
            : Optional.empty(),
        training ? claims.trainingLevels(a.idNumber(), a.occupation(), a.applicationNo()) : List.of());
  }

  private Reason duplicateReason(Application a) {
    return a.type() == ApplicationType.TRANSPORT
        ? Rules.OncePerYearRule.duplicate(a.transportYear(),
            claims.transportHolder(a.idNumber(), a.transportYear(), a.applicationNo()).orElse("?"))
        : Rules.SameOccupationAndLevelRule.duplicate(a.occupation(), a.level(),
            claims.trainingHolder(a.idNumber(), a.occupation(), a.level(), a.applicationNo()).orElse("?"));
  }

  private List<String> otherRegistryCounties(Application a) {
    return jdbc.sql("select c.name from registry_person r join county c on c.code = r.county_code"
            + " where r.id_number = ? and r.county_code <> ? order by c.code")
        .params(a.idNumber(), a.countyCode()).query(String.class).list();
  }
}
