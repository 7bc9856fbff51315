package cn.subsidy.application;

/**
 * Published in the transaction that moves an application to a new status, so that what must follow
 * (a mail in the outbox, a claim released) is written in the same transaction or not at all.
 */
public record StatusChanged(String applicationNo, ApplicationStatus from, ApplicationStatus to, long eventId) {}
