package dev.baton.intents.rasa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Rasa response as Baton can show it: text only, as a channel without rich replies shows it (Rasa's own output
 * contract): an image becomes its link, a link button becomes "title: link", a button that sends {@code /intent}
 * becomes a follow-up (labelled with that intent's title, as every Baton follow-up is); everything else is dropped and reported.
 *
 * @param texts     one per variation that has something to say
 * @param followUps Rasa intent name to the title of the button that offered it
 */
record RenderedResponse(List<String> texts, Map<String, String> followUps) {

    private static final Pattern SLOT = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final Pattern INTENT_PAYLOAD = Pattern.compile("/([^{\\s]+)(\\{.*)?", Pattern.DOTALL);

    static RenderedResponse of(RasaResponse response, Findings findings) {
        List<String> texts = new ArrayList<>();
        Map<String, String> followUps = new LinkedHashMap<>();
        String what = "response \"" + response.name() + "\": ";
        for (RasaResponse.Variation variation : response.variations()) {
            StringBuilder text = new StringBuilder(variation.text().orElse(""));
            variation.image().ifPresent(image -> {
                appendLine(text, image);
                findings.note(response.file(), variation.line(), what + "the image is shown as its link: Baton answers "
                        + "with text");
            });
            for (RasaResponse.Button button : variation.buttons()) {
                var intent = INTENT_PAYLOAD.matcher(button.payload());
                if (intent.matches()) {
                    followUps.putIfAbsent(intent.group(1), button.title());
                    if (intent.group(2) != null) {
                        findings.note(response.file(), variation.line(), what + "the button \"" + button.title()
                                + "\" offers the intent " + intent.group(1) + " as a follow-up; the entities it sets are "
                                + "dropped");
                    }
                } else if (button.payload().startsWith("http://") || button.payload().startsWith("https://")) {
                    appendLine(text, button.title() + ": " + button.payload());
                    findings.note(response.file(), variation.line(), what + "the link button \"" + button.title()
                            + "\" is shown as text with its link");
                } else {
                    findings.note(response.file(), variation.line(), what + "the button \"" + button.title()
                            + "\" is dropped: it sends \"" + button.payload() + "\", which is not an intent");
                }
            }
            for (String key : variation.other()) {
                findings.note(response.file(), variation.line(), what + "\"" + key + "\" is dropped: "
                        + switch (key) {
                            case "condition" -> "Baton keeps no slots, so this variation is one of the answers for everyone";
                            case "channel" -> "Baton shows every answer on every channel";
                            default -> "Baton answers with text and follow-up buttons only";
                        });
            }
            if (text.isEmpty()) {
                findings.note(response.file(), variation.line(), what + "a variation without text is not imported");
                continue;
            }
            if (SLOT.matcher(text).find()) {
                findings.note(response.file(), variation.line(), what + "the text fills in slots ({...}); Baton keeps no "
                        + "slots and would show the braces as written: rewrite the answer in the draft");
            }
            if (!texts.contains(text.toString())) {
                texts.add(text.toString());
            }
        }
        return new RenderedResponse(List.copyOf(texts), followUps);
    }

    Optional<String> first() {
        return texts.stream().findFirst();
    }

    private static void appendLine(StringBuilder text, String line) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(line);
    }
}
