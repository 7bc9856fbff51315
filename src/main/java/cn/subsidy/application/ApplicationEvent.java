package cn.subsidy.application;

import java.time.Instant;

/** One step in an application's history, with who did it, when, and what they said. */
public record ApplicationEvent(Instant occurredAt, String step, ApplicationStatus status, String actor,
    String decision, String comment) {}
