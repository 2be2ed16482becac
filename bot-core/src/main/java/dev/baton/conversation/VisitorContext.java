package dev.baton.conversation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the visitor's browser told the widget when it last said hello in a conversation: the page it is on, the page
 * before (the referrer), its user agent and its time zone, for the agent's customer panel. Nothing else is kept (no
 * address, no cookie), and of a page only its address without query and fragment, which may carry tokens or e-mail
 * addresses. A value that is not what it claims (a page that is not an http(s) address, a time zone that is not an
 * IANA name) is dropped, not refused: a visitor never loses the chat over a detail their browser sent.
 */
public record VisitorContext(Optional<String> page, Optional<String> referrer, Optional<String> userAgent,
                             Optional<String> timeZone) {

    /** Longest page address kept; a longer one is cut here. */
    public static final int MAX_ADDRESS = 500;
    /** Longest user agent kept; a longer one is cut here. */
    public static final int MAX_USER_AGENT = 300;
    private static final Pattern TIME_ZONE = Pattern.compile("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+){0,2}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public VisitorContext {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** The context as the browser sent it, each value cleaned or dropped as the class describes. */
    public static VisitorContext fromBrowser(Optional<String> page, Optional<String> referrer, Optional<String> userAgent,
                                             Optional<String> timeZone) {
        return new VisitorContext(page.flatMap(VisitorContext::address), referrer.flatMap(VisitorContext::address),
                userAgent.map(ua -> CONTROL.matcher(ua).replaceAll(" ").strip()).filter(ua -> !ua.isEmpty())
                        .map(ua -> cut(ua, MAX_USER_AGENT)),
                timeZone.map(String::strip).filter(zone -> zone.length() <= 64 && TIME_ZONE.matcher(zone).matches()));
    }

    /** Whether the browser told anything at all. */
    public boolean isEmpty() {
        return page.isEmpty() && referrer.isEmpty() && userAgent.isEmpty() && timeZone.isEmpty();
    }

    private static Optional<String> address(String raw) {
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            // No user info either: an address may name its user before the host.
            URI kept = new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
            return Optional.of(cut(kept.toString(), MAX_ADDRESS));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, text.offsetByCodePoints(0, Math.min(max, text.codePointCount(0, text.length()))));
    }
}
