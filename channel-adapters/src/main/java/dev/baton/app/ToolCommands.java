package dev.baton.app;

import dev.baton.app.channel.telegram.TelegramWebhookCommand;
import dev.baton.app.evaluation.EvaluateCommand;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The operator's tools that live in the same jar as the service. */
final class ToolCommands {

    private static final Set<String> TOOLS = Set.of("hash-password", "evaluate", "telegram-webhook");

    private ToolCommands() {
    }

    static boolean isTool(String name) {
        return TOOLS.contains(name);
    }

    static int run(String tool, String[] args) {
        return switch (tool) {
            case "evaluate" -> EvaluateCommand.run(args, System.out, System.err);
            case "telegram-webhook" -> TelegramWebhookCommand.run(args, System.getenv(), System.out, System.err);
            default -> hashPassword();
        };
    }

    /** Reads a password (hidden on a terminal, else one line of standard input) and prints its stored form. */
    private static int hashPassword() {
        String password;
        Console console = System.console();
        try {
            if (console != null) {
                char[] typed = console.readPassword("Password: ");
                password = typed == null ? null : new String(typed);
            } else {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            }
        } catch (IOException e) {
            System.err.println("could not read the password: " + e.getMessage());
            return 2;
        }
        if (password == null || password.length() < 8) {
            System.err.println("a password must have at least 8 characters");
            return 2;
        }
        System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(password));
        return 0;
    }
}
