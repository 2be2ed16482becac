package dev.baton.app.security;

import dev.baton.app.config.BatonProperties;
import dev.baton.app.limits.RateLimitedRequests;
import dev.baton.audit.AuditTrail;
import dev.baton.handoff.DirectoryAgents;
import dev.baton.handoff.Team;
import dev.baton.handoff.Teams;
import dev.baton.store.SharedSecrets;
import dev.baton.limits.RateLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpBasicServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Visitors need no login; the agent console and its socket need an agent — configured (form login) or from the
 * company's directory ({@link SingleSignOn}), with a session cookie — the trainer page and API a trainer (the API also
 * over HTTP Basic, for scripts and CI) and
 * {@code /actuator/prometheus} a monitoring account (HTTP Basic, for scrapers). Health answers everyone, with details
 * only for a logged-in user. The session cookie is SameSite=Strict, so another site's page never sends it; state-changing
 * requests of a signed-in browser need a CSRF token besides ({@link CsrfProtection}), and the console's WebSocket
 * handshake our own page's origin ({@link SameOriginWebSocketFilter}). Sign-ins are checked by {@link PasswordSignIn}
 * (lock-outs, equal time for unknown names, audited).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOnSettings.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String LOGIN_PAGE = "/login.html";
    /** Where messaging platforms post (see dev.baton.app.channel): signed by their platforms, not logged in. */
    static final String CHANNEL_WEBHOOKS = "/channels/*/webhook";

    /** The header the trainer page's requests carry, as did XMLHttpRequest's; see {@code trainer.js}. */
    private static final ServerWebExchangeMatcher PAGE_REQUEST = exchange ->
            "fetch".equals(exchange.getRequest().getHeaders().getFirst("X-Requested-With"))
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ObjectProvider<ServerLogoutHandler> onLogout,
                                                  RateLimiter limiter, BatonProperties properties,
                                                  ReactiveAuthenticationManager signIn, AuditTrail audit,
                                                  SingleSignOn singleSignOn, Environment environment) {
        var agentSocket = ServerWebExchangeMatchers.pathMatchers("/ws/agent", "/ws/supervisor");
        var api = ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**");
        var toLoginPage = new RedirectServerAuthenticationEntryPoint(LOGIN_PAGE);
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(agentSocket, new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)),
                // The trainer page's requests: a Basic challenge would make the browser ask for a password itself.
                new DelegateEntry(PAGE_REQUEST, new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)),
                new DelegateEntry(api, new HttpBasicServerAuthenticationEntryPoint()));
        entryPoint.setDefaultEntryPoint(toLoginPage);
        singleSignOn.configure(http, LOGIN_PAGE);
        return http
                .authorizeExchange(exchanges -> exchanges
                        // Messaging platforms' webhooks: each request is verified by its channel (a secret token, a
                        // signature), never by a login; platforms send no session and no CSRF token, so CSRF protection
                        // must leave these paths out.
                        .pathMatchers(CHANNEL_WEBHOOKS).permitAll()
                        .pathMatchers("/console.html", "/console.js", "/ws/agent").hasRole("AGENT")
                        .pathMatchers("/supervisor.html", "/supervisor.js", "/supervisor.css", "/ws/supervisor").hasRole("SUPERVISOR")
                        // The analytics page and its charting library (served by Baton itself, no CDN).
                        .pathMatchers("/analytics.html", "/analytics.js", "/api/analytics", "/webjars/**").hasRole("SUPERVISOR")
                        .pathMatchers("/trainer.html", "/trainer.js", "/trainer.css").hasRole("TRAINER")
                        .pathMatchers("/console.css").hasAnyRole("AGENT", "TRAINER", "ADMIN", "SUPERVISOR")
                        .pathMatchers("/api/trainer/**").hasRole("TRAINER")
                        // The audit log, and visitors' data, to read out or erase at their request.
                        .pathMatchers("/api/audit", "/api/audit/**", "/api/admin/**", "/admin.html", "/admin.js", "/admin.css",
                                "/audit.html", "/audit.js").hasRole("ADMIN")
                        // Metrics tell how busy the service is and how its bot fares: for the monitoring system only.
                        .pathMatchers("/actuator/prometheus").hasRole("METRICS")
                        .anyExchange().permitAll())
                .authenticationManager(signIn)
                .httpBasic(basic -> basic.authenticationEntryPoint(new HttpBasicServerAuthenticationEntryPoint())
                        .authenticationFailureHandler(SignInFailures.httpBasic()))
                .formLogin(form -> form
                        .loginPage(LOGIN_PAGE)
                        .requiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"))
                        .authenticationSuccessHandler(new HomePageAfterLogin(audit))
                        .authenticationFailureHandler(SignInFailures.toLoginPage(LOGIN_PAGE))
                        .authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessHandler(singleSignOn.logoutSuccess(URI.create(LOGIN_PAGE + "?logout")))
                        // After the defaults, which end the session (everywhere, with the Redis store).
                        .logoutHandler(handlers -> {
                            handlers.add(new SignOutAudited(audit));
                            onLogout.orderedStream().forEach(handlers::add);
                        }))
                .headers(headers -> BrowserHardening.headers(headers, singleSignOn.signOutOrigins()))
                .csrf(new CsrfProtection(environment.getProperty("server.reactive.session.cookie.name", "SESSION"))::configure)
                .addFilterAfter(new CsrfProtection.TokenCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterAt(new SameOriginWebSocketFilter(agentSocket), SecurityWebFiltersOrder.FIRST)
                // Not a WebFilter bean, which every request would pass outside this chain too.
                .addFilterAt(new RateLimitedRequests(limiter, properties.limits()), SecurityWebFiltersOrder.FIRST)
                .addFilterAt(new ClientAddressInContext(), SecurityWebFiltersOrder.FIRST)
                .build();
    }

    /** Single sign-on, when a provider is registered: see {@link SingleSignOn}. */
    @Bean
    SingleSignOn singleSignOn(ObjectProvider<ReactiveClientRegistrationRepository> registrations, SingleSignOnSettings settings,
                              BatonProperties properties, Teams teams, DirectoryAgents agents, SharedSecrets secrets,
                              AuditTrail audit, Clock clock) {
        Set<String> configured = properties.agents().users().stream().map(BatonProperties.User::username).collect(Collectors.toSet());
        Set<String> teamNames = teams.all().stream().map(Team::name).collect(Collectors.toSet());
        return new SingleSignOn(Optional.ofNullable(registrations.getIfAvailable()),
                new DirectoryUsers(settings, configured, teamNames, agents, audit, clock), new SignInRequestCookie(secrets, clock),
                new LandingAfterSingleSignOn(audit));
    }

    /** Sign-in with a name and password, the form's and HTTP Basic's: see {@link PasswordSignIn}. */
    @Bean
    ReactiveAuthenticationManager signIn(ReactiveUserDetailsService accounts, PasswordEncoder encoder, RateLimiter limiter,
                                         BatonProperties properties, AuditTrail audit) {
        return new PasswordSignIn(accounts, encoder, new SignInLockOut(limiter, properties.limits().login()), audit);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    MapReactiveUserDetailsService agentAccounts(BatonProperties properties, Environment environment,
                                                ObjectProvider<ReactiveClientRegistrationRepository> registrations) {
        List<UserDetails> agents = properties.agents().users().stream()
                .map(u -> User.withUsername(u.username()).password(u.passwordHash()).roles(u.roles().toArray(String[]::new)).build())
                .toList();
        if (environment.matchesProfiles("demo")) {
            log.warn("Profile demo: the demo agents alice and bruno, whose passwords the README publishes, can log in; "
                    + "never run it where others can reach it");
        }
        if (agents.isEmpty() && registrations.getIfAvailable() == null) {
            log.warn("No agent is configured (baton.agents.users) and no single sign-on provider either: nobody can log in to "
                    + "the console; see the README's Agents section, or start with --spring.profiles.active=demo for the demo agents");
        }
        if (agents.isEmpty()) {
            // MapReactiveUserDetailsService refuses an empty map; an unknown user simply never logs in.
            return new MapReactiveUserDetailsService(User.withUsername("no-agent-configured").password("{noop}" + java.util.UUID.randomUUID()).roles("NONE").build());
        }
        return new MapReactiveUserDetailsService(agents);
    }
}
