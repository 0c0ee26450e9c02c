package io.clusterbench.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** File chores for server folders, reported as failures that name the file. */
final class WorkFiles {

    private WorkFiles() {
    }

    /** Creates the folder if absent and returns its absolute path (servers resolve config paths against it). */
    static Path createFolder(Path folder) throws LocalServerException {
        try {
            return Files.createDirectories(folder.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new LocalServerException("cannot create the folder " + folder + ": " + e, e);
        }
    }

    /** Writes a file readable by its owner only: configs may hold a password (requirepass) or keys. */
    static void write(Path file, String text) throws LocalServerException {
        try {
            if (Files.notExists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new LocalServerException("cannot write " + file + ": " + e, e);
        }
    }

    static String read(Path file) throws LocalServerException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new LocalServerException("cannot read " + file + ": " + e, e);
        }
    }
}
