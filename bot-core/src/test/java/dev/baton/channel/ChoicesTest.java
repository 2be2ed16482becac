package dev.baton.channel;

import dev.baton.conversation.QuickReply;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChoicesTest {

    private static final List<QuickReply> CHOICES = List.of(QuickReply.forIntent("Returns", "returns"),
            QuickReply.forIntent("Refunds", "refunds"), new QuickReply("Talk to a person", QuickReply.HANDOFF_PAYLOAD));

    @Test
    void choicesAreNumberedUnderTheText() {
        assertThat(Choices.numbered("Did you mean one of these?", CHOICES))
                .isEqualTo("Did you mean one of these?\n1. Returns\n2. Refunds\n3. Talk to a person");
    }

    @Test
    void aTextWithoutChoicesStaysAsItIs() {
        assertThat(Choices.numbered("Hello", List.of())).isEqualTo("Hello");
    }

    @Test
    void theVisitorAnswersWithTheNumberOrTheText() {
        assertThat(Choices.answeredBy("2", CHOICES)).contains(CHOICES.get(1));
        assertThat(Choices.answeredBy(" 3. ", CHOICES)).contains(CHOICES.get(2));
        assertThat(Choices.answeredBy("talk to a PERSON", CHOICES)).contains(CHOICES.get(2));
    }

    @Test
    void aNumberBeyondTheChoicesOrAnyOtherTextChoosesNothing() {
        assertThat(Choices.answeredBy("4", CHOICES)).isEmpty();
        assertThat(Choices.answeredBy("0", CHOICES)).isEmpty();
        assertThat(Choices.answeredBy("I returned 2 mugs", CHOICES)).isEmpty();
    }

    @Test
    void aButtonsKeyNamesItsMessageAndChoice() {
        assertThat(Choices.fromKey(Choices.key(17, 2))).contains(new Choices.Chosen(17, 2));
        assertThat(Choices.fromKey("Data from button callback")).isEmpty();
        assertThat(Choices.fromKey("17:")).isEmpty();
    }
}
