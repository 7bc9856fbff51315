package cn.subsidy.eligibility;

import cn.subsidy.application.Reason;
import java.util.List;

/** One rule of the policy that data can decide. Rules are plain classes, tested without an engine. */
interface EligibilityRule {

  /** Every way the application fails this rule; empty if it passes (or the rule does not apply). */
  List<Reason> check(EligibilityFacts facts);
}
