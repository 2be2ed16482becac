package dev.baton.app.channel.whatsapp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The WhatsApp channel, over the Cloud API ({@code baton.channels.whatsapp.*}; in the environment
 * {@code BATON_CHANNELS_WHATSAPP_ACCESS_TOKEN} and so on).
 *
 * @param accessToken         a system user's access token with the {@code whatsapp_business_messaging} permission
 * @param appSecret           the Meta app's secret, which signs every delivery ({@code X-Hub-Signature-256})
 * @param verifyToken         what Meta sends back when the webhook is set up (any string you choose)
 * @param phoneNumberId       the business phone number's id (not the number itself): where messages are sent from,
 *                            and the only one whose deliveries are read
 * @param apiUrl              the Graph API's root, with its version
 * @param customerCareWindow  how long after a customer's last message a business may write freely (24 hours)
 */
@ConfigurationProperties("baton.channels.whatsapp")
public record WhatsAppSettings(@DefaultValue("false") boolean enabled, String accessToken, String appSecret, String verifyToken,
                               String phoneNumberId, @DefaultValue("https://graph.facebook.com/v21.0") String apiUrl,
                               @DefaultValue("24h") Duration customerCareWindow) {

    /** Refuses to start a WhatsApp channel that could not work, saying which setting is missing. */
    public WhatsAppSettings {
        if (enabled) {
            require(accessToken, "access-token", "ACCESS_TOKEN");
            require(appSecret, "app-secret", "APP_SECRET");
            require(verifyToken, "verify-token", "VERIFY_TOKEN");
            require(phoneNumberId, "phone-number-id", "PHONE_NUMBER_ID");
            if (!phoneNumberId.matches("[0-9]{1,32}")) {
                throw new IllegalArgumentException("baton.channels.whatsapp.phone-number-id is the phone number's id: digits only");
            }
        }
    }

    private static void require(String value, String property, String variable) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("baton.channels.whatsapp." + property + " (BATON_CHANNELS_WHATSAPP_" + variable
                    + ") is required when WhatsApp is enabled");
        }
    }
}
