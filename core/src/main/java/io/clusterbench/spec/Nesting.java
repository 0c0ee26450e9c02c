package io.clusterbench.spec;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;

/**
 * Refuses a spec nested deeper than {@value #MAX_DEPTH} levels before it is composed.
 *
 * <p>SnakeYAML's parser keeps its own stack, but its composer recurses once per level: a document of a few
 * thousand {@code [} ends in a StackOverflowError. So the events are counted first, which costs no recursion and
 * points at the line and column where the limit was passed. A real spec nests about six levels.
 */
final class Nesting {

    /** The deepest nesting of mappings and lists a spec may have. */
    static final int MAX_DEPTH = 64;

    private Nesting() {
    }

    /** The problem at the first node beyond the limit, or empty; malformed YAML throws as composing would. */
    static Optional<SpecProblem> check(String name, String text, LoadSettings settings) {
        int depth = 0;
        for (Event event : new Parse(settings).parseString(text)) {
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    depth++;
                    if (depth > MAX_DEPTH) {
                        int line = event.getStartMark().map(m -> m.getLine() + 1).orElse(1);
                        int column = event.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
                        return Optional.of(new SpecProblem(name, line, column, "", "nested deeper than " + MAX_DEPTH
                                + " levels of mappings and lists; refused (a spec needs about six)"));
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                }
            }
        }
        return Optional.empty();
    }
}
