package dev.baton.app.trainer;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * The trainer API's OpenAPI document ({@code /api/trainer/openapi}, Swagger UI at {@code /api/trainer/docs}; paths
 * in application.yml). Both sit under {@code /api/trainer}, so only trainers read them: the document maps every
 * endpoint that can change what the bot says, which is no business of anonymous visitors.
 *
 * <p>Declared on a bean, springdoc finds the definition without scanning the class path, which it would otherwise do
 * on an event-loop thread each time it builds the document (once per language asked for).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Baton trainer API", version = "1",
                description = "Everything a bot trainer does: the intent database the bot answers from, reloading it "
                        + "from the intent files, and the workspace. Every request needs an account with the TRAINER "
                        + "role, over HTTP Basic."),
        security = @SecurityRequirement(name = TrainerApiDocumentation.BASIC))
@SecurityScheme(name = TrainerApiDocumentation.BASIC, type = SecuritySchemeType.HTTP, scheme = "basic")
class TrainerApiDocumentation {

    static final String BASIC = "basic";
}
