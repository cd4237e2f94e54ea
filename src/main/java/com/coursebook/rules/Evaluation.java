package com.coursebook.rules;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every finding for a proposal, and what follows from them. */
public record Evaluation(List<Finding> findings) {

    public Evaluation {
        findings = List.copyOf(findings);
    }

    public boolean hasBlocks() {
        return findings.stream().anyMatch(Finding::blocks);
    }

    public List<Finding> blocks() {
        return findings.stream().filter(Finding::blocks).toList();
    }

    /** The warnings not covered by one of the given overrides (by {@link Finding#overrideKey()}). */
    public List<Finding> warningsNotOverridden(Collection<String> overrideKeys) {
        return findings.stream().filter(Finding::warns).filter(f -> !overrideKeys.contains(f.overrideKey())).toList();
    }

    /** The distinct override keys a clinician would have to confirm. */
    public Set<String> warningKeys() {
        return findings.stream().filter(Finding::warns).map(Finding::overrideKey)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean isBookable(Collection<String> overrideKeys) {
        return !hasBlocks() && warningsNotOverridden(overrideKeys).isEmpty();
    }

    /** Session numbers (1-based) that are blocked. */
    public Set<Integer> blockedSessions() {
        return findings.stream().filter(Finding::blocks).map(Finding::session).filter(s -> s != null)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
