package dev.baton.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Baton roles a directory's claim gives ({@code baton.sso.roles}): the claim is a list of group or role names,
 * or one name; each name listed in the mapping gives its roles, the others none.
 */
final class DirectoryRoles {

    private final Map<String, List<String>> byClaimValue;

    DirectoryRoles(Map<String, List<String>> byClaimValue) {
        this.byClaimValue = Map.copyOf(byClaimValue);
    }

    /** The roles {@code claim} gives, by name; none for a claim that is absent or of another shape. */
    Set<String> of(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many : claim instanceof String one ? List.of(one) : List.of();
        Set<String> roles = new TreeSet<>();
        values.forEach(value -> roles.addAll(byClaimValue.getOrDefault(String.valueOf(value), List.of())));
        return roles;
    }
}
