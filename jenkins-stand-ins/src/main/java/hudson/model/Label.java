package hudson.model;

/**
 * Stand-in (compile only, tests) of a label expression that selects agents. Not in jenkins-api.md: signatures from
 * jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/model/Label.java. The real one also implements
 * ModelObjectWithChildren, left out as nothing here uses it.
 */
public abstract class Label extends Actionable implements Comparable<Label> {

    protected Label(String name) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** The label of this name, or null when there is no running Jenkins. */
    public static Label get(String l) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
