package dev.baton.app.trainer;

import dev.baton.app.audit.Actors;
import dev.baton.app.trainer.TrainerDocuments.DraftDocument;
import dev.baton.app.trainer.TrainerDocuments.RasaImportDocument;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;
import dev.baton.intents.rasa.RasaConversion;
import dev.baton.intents.rasa.RasaImportReport;
import dev.baton.training.DraftChange;
import dev.baton.training.TrainerWorkspace;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Intent files in and out of the workspace, so that git stays first-class: any version exported exactly as its
 * files (the {@code intents/} format), files from git imported into the draft, and a Rasa project's training data
 * and responses imported as a new file of the draft, with a report of what could not be carried over.
 */
@RestController
@RequestMapping("/api/trainer")
@Tag(name = "Files", description = "Export versions as intent files, import intent files and Rasa projects into the draft")
class FilesController {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");
    private static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final TrainerWorkspace workspace;

    FilesController(TrainerWorkspace workspace) {
        this.workspace = workspace;
    }

    @GetMapping(value = "/versions/{number}/export", produces = "application/zip")
    @Operation(summary = "A version's intent files as a zip, laid out as the intents/ folder, exactly as published")
    Mono<ResponseEntity<byte[]>> export(@PathVariable int number) {
        return workspace.version(number).map(version -> ResponseEntity.ok().contentType(ZIP)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("intents-version-" + number + ".zip").build().toString())
                .body(IntentFilesZip.write(version.files(), version.info().publishedAt())));
    }

    @GetMapping(value = "/versions/{number}/files/{*name}", produces = "application/yaml")
    @Operation(summary = "One intent file of a version, as YAML, exactly as published (name as in the version, e.g. orders.yaml)")
    Mono<ResponseEntity<String>> file(@PathVariable int number, @PathVariable String name) {
        String file = name.startsWith("/") ? name.substring(1) : name;
        return workspace.version(number).map(version -> version.files().stream()
                .filter(source -> source.name().equals(file)).findFirst()
                .map(source -> ResponseEntity.ok().contentType(YAML).body(source.content()))
                .orElseThrow(() -> new UnknownFileException(number, file, version.files())));
    }

    @PostMapping(value = "/draft/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Put intent files into the draft, as they are",
            description = "Multipart: one or more intent files (any part name; a .zip, such as an export, is unpacked), "
                    + "and replaceAll=true to make them the draft's only files. Each replaces the draft's file of its "
                    + "name or is added. Refused with every problem (file, line) when the draft would not read without "
                    + "one; nothing changes then.")
    Mono<DraftDocument> importFiles(@RequestBody Mono<MultiValueMap<String, Part>> upload, Principal who, ServerHttpRequest request) {
        return upload.flatMap(UploadedFiles::of)
                .flatMap(uploaded -> workspace.change(Actors.of(who, request), new DraftChange.ImportFiles(uploaded.files(),
                        uploaded.field("replaceAll").map(Boolean::parseBoolean).orElse(false))))
                .map(DraftDocument::of);
    }

    @PostMapping(value = "/draft/import/rasa", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a Rasa project into the draft as a new file, with a report of what could not be mapped",
            description = "Multipart: the Rasa files (nlu.yml and domain.yml; rules.yml and stories.yml too if the "
                    + "answers are there; any part names), language (the examples' and responses' language, e.g. en) "
                    + "and optionally file (the new file's name, default rasa.yaml). Intents left without answers are "
                    + "in the draft's problems: the draft cannot be published until they have some.")
    Mono<RasaImportDocument> importRasa(@RequestBody Mono<MultiValueMap<String, Part>> upload, Principal who, ServerHttpRequest request) {
        return upload.flatMap(UploadedFiles::of).flatMap(uploaded -> {
            String file = uploaded.field("file").orElse("rasa.yaml");
            List<String> names = uploaded.files().stream().map(IntentSource::name).toList();
            return Mono.fromCallable(() -> RasaConversion.convert(uploaded.field("language").orElse(null), uploaded.files()))
                    .subscribeOn(Schedulers.parallel())
                    .flatMap(report -> workspace.change(Actors.of(who, request), new DraftChange.AddFile(file,
                                    List.of("Imported from Rasa (" + String.join(", ", names) + ") on "
                                            + LocalDate.now(ZoneOffset.UTC) + ", language " + report.language()),
                                    report.intents(), description(report, names)))
                            .map(draft -> RasaImportDocument.of(file, report, draft)));
        });
    }

    private static String description(RasaImportReport report, List<String> names) {
        return "imported " + report.intents().size() + " intents from Rasa (" + String.join(", ", names) + "); "
                + report.notImported().size() + " things not imported, " + report.unanswered().size()
                + " intents without answers";
    }

    /** A version has no file of that name. */
    static final class UnknownFileException extends RuntimeException {
        UnknownFileException(int version, String file, List<IntentSource> files) {
            super("version " + version + " has no file \"" + file + "\"; its files are "
                    + String.join(", ", files.stream().map(IntentSource::name).toList()));
        }
    }
}
