package dev.baton.app.trainer;

import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The files and fields of a multipart upload to the trainer API. A file is read whole into memory, up to a bound: a
 * zip (an export) up to {@value #MAX_ZIP_BYTES} bytes, any other file up to the loader's largest.
 */
record UploadedFiles(List<IntentSource> files, MultiValueMap<String, Part> parts) {

    static final int MAX_ZIP_BYTES = 20 * 1024 * 1024;

    /** Every file part, a zip unpacked into its YAML files; named as uploaded. */
    static Mono<UploadedFiles> of(MultiValueMap<String, Part> parts) {
        return Flux.fromIterable(parts.values()).flatMapIterable(list -> list)
                .ofType(FilePart.class)
                .concatMap(UploadedFiles::read)
                .collectList()
                .map(files -> new UploadedFiles(files, parts));
    }

    /** A form field's value; empty when not sent or blank. */
    Optional<String> field(String name) {
        return Optional.ofNullable(parts.getFirst(name)).filter(FormFieldPart.class::isInstance)
                .map(part -> ((FormFieldPart) part).value().strip()).filter(value -> !value.isEmpty());
    }

    private static Flux<IntentSource> read(FilePart part) {
        String name = part.filename();
        boolean zip = name.toLowerCase(Locale.ROOT).endsWith(".zip");
        int limit = zip ? MAX_ZIP_BYTES : (int) IntentDatabaseLoader.MAX_FILE_BYTES;
        return DataBufferUtils.join(part.content(), limit)
                .onErrorMap(DataBufferLimitException.class, tooLarge -> new IllegalArgumentException(name
                        + " is larger than " + limit / (1024 * 1024) + " MB"))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .flatMapIterable(bytes -> zip ? IntentFilesZip.read(name, bytes)
                        : List.of(new IntentSource(name, new String(bytes, StandardCharsets.UTF_8))));
    }
}
