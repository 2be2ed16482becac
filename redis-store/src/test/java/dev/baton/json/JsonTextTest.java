package dev.baton.json;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void eachDocumentStandsAloneThoughTheBufferIsReused() {
        String first = JsonText.write(mapper, g -> {
            g.writeStartObject();
            g.writeStringProperty("text", "x".repeat(5_000));
            g.writeEndObject();
        });
        String second = JsonText.write(mapper, g -> g.writeNumber(7));

        assertThat(first).hasSize(5_000 + "{\"text\":\"\"}".length());
        assertThat(second).isEqualTo("7");
    }

    @Test
    void aDocumentWrittenWhileWritingAnotherGetsItsOwnBuffer() {
        String outer = JsonText.write(mapper, g -> {
            g.writeStartArray();
            g.writeString(JsonText.write(mapper, inner -> inner.writeString("inner")));
            g.writeString("après");
            g.writeEndArray();
        });

        assertThat(outer).isEqualTo("[\"\\\"inner\\\"\",\"après\"]");
    }

    @Test
    void aHugeDocumentIsWrittenWholeAndTheNextOneToo() {
        String huge = JsonText.write(mapper, g -> g.writeString("é".repeat(200_000)));
        String small = JsonText.write(mapper, g -> g.writeString("ok"));

        assertThat(huge).hasSize(200_002);
        assertThat(small).isEqualTo("\"ok\"");
    }
}
