package dev.baton.app.security;

import dev.baton.app.config.BatonProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /login/options}: how one may sign in here, for the login page — with a password (when any user is
 * configured), and through which single sign-on providers. Public, as the login page is.
 */
@RestController
class SignInOptions {

    record Options(boolean password, List<SingleSignOn.Provider> providers) {
    }

    private final Options options;

    SignInOptions(SingleSignOn singleSignOn, BatonProperties properties) {
        this.options = new Options(!properties.agents().users().isEmpty(), singleSignOn.providers());
    }

    @GetMapping("/login/options")
    Options options() {
        return options;
    }
}
