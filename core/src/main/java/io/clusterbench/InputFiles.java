package io.clusterbench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a file a user named (a spec, a result.json) within a size limit, refusing anything but a regular file.
 *
 * <p>The checks come before the file is opened: opening a FIFO for reading blocks until a writer appears, and
 * {@code /dev/zero} or a 3 GB file read whole exhausts the heap before any limit on the bytes could apply. The read
 * itself is bounded too, for a file that grows between the check and the read. Refusals say why in words and
 * never quote the file's content, since the file may be one the user did not mean (a result.json can name any
 * path as its spec).
 */
public final class InputFiles {

    /** Why a file was not read; the message names no content, only the path's kind and size. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        private final boolean missing;

        Refused(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }

        /** Whether nothing exists at the path (some callers treat that as an environment problem). */
        public boolean missing() {
            return missing;
        }
    }

    private InputFiles() {
    }

    /** The path named by {@code text}, or a refusal for text no path can hold (a NUL, on this system). */
    public static Path path(String text) throws Refused {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new Refused("not a valid file path (it holds a character such as NUL that no file name can)",
                    false);
        }
    }

    /** The bytes of {@code file}, at most {@code maxBytes} of them, or a refusal that says why not. */
    public static byte[] read(Path file, long maxBytes) throws Refused {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Refused("no such file", true);
        } catch (AccessDeniedException e) {
            throw new Refused("permission denied", false);
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw new Refused("cannot read it (" + e.getClass().getSimpleName() + ")", false);
        }
        if (attributes.isDirectory()) {
            throw new Refused("is a folder, not a file", false);
        }
        if (!attributes.isRegularFile()) {
            throw new Refused("is not a regular file (a device, pipe or socket); refused without reading it", false);
        }
        if (attributes.size() > maxBytes) {
            throw new Refused("is " + attributes.size() + " bytes, more than the limit of " + maxBytes
                    + " bytes; refused without reading it", false);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new Refused("grew past the limit of " + maxBytes + " bytes while being read; refused", false);
            }
            return bytes;
        } catch (AccessDeniedException e) {
            throw new Refused("permission denied", false);
        } catch (IOException e) {
            throw new Refused("cannot read it (" + e.getClass().getSimpleName() + ")", false);
        }
    }
}
