package dev.baton.app.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Single sign-on with OpenID Connect, beside the configured users, when at least one client is registered
 * ({@code spring.security.oauth2.client.registration.*}): the login page offers "Sign in with …" for each
 * ({@link #providers}), the provider's users become Baton users through {@link DirectoryUsers}, the sign-in in progress
 * waits in {@link SignInRequestCookie}, and {@link LandingAfterSingleSignOn} leads on. Signing out ends the session and,
 * when the provider publishes where, the provider's session too (RP-initiated logout), coming back to the login page.
 * Only OpenID Connect: a registration without the {@code openid} scope signs nobody in.
 */
final class SingleSignOn {

    /** A provider the login page offers, and where its button leads. */
    record Provider(String name, String url) {
    }

    private final Optional<ReactiveClientRegistrationRepository> registrations;
    private final DirectoryUsers users;
    private final SignInRequestCookie pending;
    private final LandingAfterSingleSignOn landing;

    SingleSignOn(Optional<ReactiveClientRegistrationRepository> registrations, DirectoryUsers users,
                 SignInRequestCookie pending, LandingAfterSingleSignOn landing) {
        this.registrations = registrations;
        this.users = users;
        this.pending = pending;
        this.landing = landing;
    }

    void configure(ServerHttpSecurity http, String loginPage) {
        registrations.ifPresent(repository -> http.oauth2Login(login -> login
                .clientRegistrationRepository(repository)
                .authenticationManager(new OidcAuthorizationCodeReactiveAuthenticationManager(
                        new WebClientReactiveAuthorizationCodeTokenResponseClient(), users))
                .authorizationRequestResolver(new RandomOffTheEventLoop(new DefaultServerOAuth2AuthorizationRequestResolver(repository)))
                .authorizationRequestRepository(pending)
                .authenticationSuccessHandler(landing)
                .authenticationFailureHandler(SignInFailures.singleSignOn(loginPage))));
    }

    /** Back to {@code signedOut}, by way of the provider for a user who signed in through one that says how. */
    ServerLogoutSuccessHandler logoutSuccess(URI signedOut) {
        return registrations.<ServerLogoutSuccessHandler>map(repository -> {
            var throughProvider = new OidcClientInitiatedServerLogoutSuccessHandler(repository);
            throughProvider.setPostLogoutRedirectUri("{baseUrl}" + signedOut);
            throughProvider.setLogoutSuccessUrl(signedOut);
            return throughProvider;
        }).orElseGet(() -> {
            var local = new RedirectServerLogoutSuccessHandler();
            local.setLogoutSuccessUrl(signedOut);
            return local;
        });
    }

    /**
     * Makes a sign-in's state, nonce and PKCE verifier off the event loop: they come from a {@code SecureRandom} that
     * reads {@code /dev/urandom} as it goes, a blocking read.
     */
    private record RandomOffTheEventLoop(ServerOAuth2AuthorizationRequestResolver resolver)
            implements ServerOAuth2AuthorizationRequestResolver {

        @Override
        public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
            return resolver.resolve(exchange).subscribeOn(Schedulers.boundedElastic());
        }

        @Override
        public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
            return resolver.resolve(exchange, clientRegistrationId).subscribeOn(Schedulers.boundedElastic());
        }
    }

    /** The origins of the providers' end-session endpoints, where signing out leads. */
    List<String> signOutOrigins() {
        return registered().stream()
                .map(client -> client.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
                .filter(String.class::isInstance)
                .map(endpoint -> URI.create((String) endpoint))
                .map(endpoint -> endpoint.getScheme() + "://" + endpoint.getRawAuthority())
                .distinct()
                .toList();
    }

    /** Every registered provider, by the name its registration gives ({@code client-name}, else its id). */
    List<Provider> providers() {
        return registered().stream()
                .map(client -> new Provider(client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()))
                .toList();
    }

    /** The registrations, when the repository lists them, as Boot's, made from the configuration, does. */
    private List<ClientRegistration> registered() {
        List<ClientRegistration> clients = new ArrayList<>();
        registrations.filter(Iterable.class::isInstance)
                .ifPresent(repository -> ((Iterable<?>) repository).forEach(client -> clients.add((ClientRegistration) client)));
        return clients;
    }
}
