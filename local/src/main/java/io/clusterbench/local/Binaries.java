package io.clusterbench.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds server executables in a list of folders and says how to install the ones that are missing. */
public final class Binaries {

    /** Server binaries such as sshd live in sbin folders that a non-root PATH often lacks. */
    private static final List<Path> SYSTEM_FOLDERS = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"));

    private final List<Path> folders;
    private final String searchedDescription;

    private Binaries(List<Path> folders, String searchedDescription) {
        this.folders = List.copyOf(folders);
        this.searchedDescription = searchedDescription;
    }

    /** Looks in the folders of PATH, then in /usr/sbin, /usr/bin and /sbin. */
    public static Binaries system() {
        Set<Path> folders = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    try {
                        folders.add(Path.of(entry).toAbsolutePath());
                    } catch (InvalidPathException ignored) {
                        // A malformed PATH entry cannot hold a binary; skip it rather than fail.
                    }
                }
            }
        }
        folders.addAll(SYSTEM_FOLDERS);
        String described = "PATH, " + SYSTEM_FOLDERS.stream().map(Path::toString).collect(Collectors.joining(", "));
        return new Binaries(new ArrayList<>(folders), described);
    }

    /** Looks only in the given folders, in order (for tests and restricted environments). */
    public static Binaries in(List<Path> folders) {
        List<Path> absolute = folders.stream().map(Path::toAbsolutePath).toList();
        return new Binaries(absolute, absolute.stream().map(Path::toString).collect(Collectors.joining(", ")));
    }

    /**
     * Returns the absolute path of the binary.
     *
     * @throws LocalServerException whose message gives the install command, when it is missing
     */
    public Path locate(ServerBinary binary) throws LocalServerException {
        Optional<Path> found = find(binary);
        if (found.isEmpty()) {
            throw new LocalServerException(missingMessage(binary));
        }
        return found.get();
    }

    /** Whether the binary can be found, so that optional servers can be started only when present. */
    public boolean isInstalled(ServerBinary binary) {
        return find(binary).isPresent();
    }

    /** Why the first missing one of the binaries cannot be used, or empty when all are installed. */
    public Optional<String> whyMissing(ServerBinary... binaries) {
        for (ServerBinary binary : binaries) {
            if (!isInstalled(binary)) {
                return Optional.of(missingMessage(binary));
            }
        }
        return Optional.empty();
    }

    private Optional<Path> find(ServerBinary binary) {
        for (Path folder : folders) {
            Path candidate = folder.resolve(binary.executable());
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    private String missingMessage(ServerBinary binary) {
        return binary.executable() + " not found (looked in " + searchedDescription + "): install it with: "
                + binary.installCommand();
    }

    @Override
    public String toString() {
        return "Binaries[" + searchedDescription + "]";
    }
}
