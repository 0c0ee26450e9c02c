package hudson;

/**
 * Stand-in (compile only) of an installed, active plugin's object; jenkinsci/jenkins, tag jenkins-2.541.3,
 * core/src/main/java/hudson/Plugin.java. Only named (by {@code Jenkins.getPlugin}); its interfaces are left out.
 */
public abstract class Plugin {
    protected Plugin() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
