package jenkins.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * Stand-in (compile only) of a file among a build's artifacts, wherever the artifact manager keeps them. Not in
 * jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/jenkins/util/VirtualFile.java.
 * Only the members used; the real class also implements {@code Comparable<VirtualFile>}.
 */
public abstract class VirtualFile implements Serializable {
    protected VirtualFile() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public abstract boolean isFile() throws IOException;

    public abstract boolean exists() throws IOException;

    public abstract VirtualFile child(String name);

    public abstract InputStream open() throws IOException;
}
