package dev.baton.app.privacy;

import dev.baton.privacy.PrivacyNotice;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;
import java.util.Optional;

/**
 * The privacy notice the widget shows before a visitor's first message, which they must accept to write, and that
 * messaging channels send as a new conversation's first reply ({@code baton.privacy.notice.*}; off by default).
 *
 * @param enabled whether visitors must accept it before writing
 * @param version the notice's version, as the operator numbers it: recorded with each consent, so that a consent to an
 *                older notice can be told apart
 * @param text    the notice per language ({@code en}, {@code it}, …); a language without one gets {@code en}'s, else any
 * @param link    where the full privacy policy is, if anywhere
 */
@ConfigurationProperties("baton.privacy.notice")
public record PrivacyNoticeSettings(@DefaultValue("false") boolean enabled,
                                    @DefaultValue("1") String version,
                                    @DefaultValue Map<String, String> text,
                                    String link) {

    public PrivacyNoticeSettings {
        text = Map.copyOf(text);
        if (enabled && (version == null || version.isBlank())) {
            throw new IllegalArgumentException("baton.privacy.notice.version may not be blank");
        }
        if (enabled && text.isEmpty()) {
            throw new IllegalArgumentException("baton.privacy.notice.enabled needs baton.privacy.notice.text.<language> in at least one language");
        }
    }

    /** The notice in force; empty while none is enabled. */
    public Optional<PrivacyNotice> notice() {
        return enabled ? Optional.of(new PrivacyNotice(version, text, Optional.ofNullable(link))) : Optional.empty();
    }
}
