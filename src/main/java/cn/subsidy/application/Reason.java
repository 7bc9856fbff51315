package cn.subsidy.application;

/** Why an application was rejected: the rule (or decision) that failed and what it says. */
public record Reason(String rule, String message) {}
