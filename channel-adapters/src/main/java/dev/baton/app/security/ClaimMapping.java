package dev.baton.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a directory's claim gives a user through a mapping: their Baton roles ({@code baton.sso.roles}) or their teams
 * ({@code baton.sso.teams}). The claim is a list of group or role names, or one name; each name listed in the mapping
 * gives what it maps to, the others nothing.
 */
final class ClaimMapping {

    private final Map<String, List<String>> byClaimValue;

    ClaimMapping(Map<String, List<String>> byClaimValue) {
        this.byClaimValue = Map.copyOf(byClaimValue);
    }

    /** What {@code claim} gives, by name; nothing for a claim that is absent or of another shape. */
    Set<String> of(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim instanceof String one ? List.of(one) : List.of();
        Set<String> given = new TreeSet<>();
        values.forEach(value -> given.addAll(byClaimValue.getOrDefault(String.valueOf(value), List.of())));
        return given;
    }
}
