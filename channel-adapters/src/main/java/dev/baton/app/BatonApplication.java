package dev.baton.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import java.util.Arrays;

/**
 * Baton's single entry point: the web service, or one of the tools named by the first argument
 * ({@code evaluate}, {@code hash-password}), which run without starting the server.
 */
@SpringBootApplication
public class BatonApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ToolCommands.isTool(args[0])) {
            System.exit(ToolCommands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(BatonApplication.class, args);
    }
}
