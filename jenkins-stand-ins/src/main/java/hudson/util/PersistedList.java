package hudson.util;

import java.util.AbstractList;

/**
 * Stand-in (compile only, tests) of a list that saves its owner when changed. Not in jenkins-api.md: signatures from jenkinsci/jenkins, tag jenkins-2.541.3, core/src/main/java/hudson/util/PersistedList.java.
 * Only {@code add} is used; {@code get} and {@code size} exist because AbstractList requires them.
 */
public class PersistedList<T> extends AbstractList<T> {
    protected PersistedList() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public boolean add(T item) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public T get(int index) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @Override
    public int size() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
