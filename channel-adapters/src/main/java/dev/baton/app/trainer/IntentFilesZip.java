package dev.baton.app.trainer;

import dev.baton.intents.IntentDatabaseLoader;
import dev.baton.intents.IntentDatabaseLoader.IntentSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Intent files as one zip, laid out as the {@code intents/} folder (sub-folders included), so that a version can be
 * unpacked over a git checkout and a checkout zipped back. Reading is bounded: a zip that unpacks to more than
 * {@value #MAX_FILES} files, or a file larger than the loader accepts, is refused, whatever the zip claims.
 */
final class IntentFilesZip {

    static final int MAX_FILES = 1_000;

    private IntentFilesZip() {
    }

    static byte[] write(List<IntentSource> files, Instant modified) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (IntentSource file : files) {
                ZipEntry entry = new ZipEntry(file.name());
                entry.setLastModifiedTime(FileTime.from(modified));
                zip.putNextEntry(entry);
                zip.write(file.content().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** The zip's YAML files, in the zip's order; folders, hidden files and other files are skipped. */
    static List<IntentSource> read(String zipName, byte[] zipped) {
        List<IntentSource> files = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipped), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (entry.isDirectory() || name.startsWith(".") || name.contains("/.")
                        || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                    continue;
                }
                if (files.size() == MAX_FILES) {
                    throw new IllegalArgumentException(zipName + " holds more than " + MAX_FILES + " intent files");
                }
                byte[] content = zip.readNBytes((int) IntentDatabaseLoader.MAX_FILE_BYTES + 1);
                if (content.length > IntentDatabaseLoader.MAX_FILE_BYTES) {
                    throw new IllegalArgumentException(zipName + ": " + name + " is larger than "
                            + IntentDatabaseLoader.MAX_FILE_BYTES / (1024 * 1024) + " MB");
                }
                files.add(new IntentSource(name, new String(content, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(zipName + " is not a zip file that can be read (" + e.getMessage() + ")");
        }
        return files;
    }
}
