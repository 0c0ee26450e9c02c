package io.clusterbench.result;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The field names a result.json can hold, taken from the records it binds to, so that a message can name the path
 * of a bad field without quoting text of the file: a name outside this vocabulary (a label key, say) is shown as
 * {@code ?}.
 */
final class ResultVocabulary {

    private static final Set<String> NAMES = collect();

    private ResultVocabulary() {
    }

    /** Every field name of every record reachable from {@link RunResult}. */
    static Set<String> names() {
        return NAMES;
    }

    /** The path as {@code probes[3].metrics[0].value}, with names outside the vocabulary as {@code ?}. */
    static String path(List<Reference> references) {
        StringBuilder path = new StringBuilder();
        for (Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                String name = reference.getFieldName();
                path.append(path.length() == 0 ? "" : ".").append(NAMES.contains(name) ? name : "?");
            }
        }
        return path.toString();
    }

    private static Set<String> collect() {
        Set<String> names = new HashSet<>();
        collect(RunResult.class, names, new HashSet<>());
        return Set.copyOf(names);
    }

    private static void collect(Type type, Set<String> names, Set<Class<?>> seen) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, names, seen);
            }
            return;
        }
        if (!(type instanceof Class<?> c) || !c.isRecord() || !seen.add(c)) {
            return;
        }
        for (RecordComponent component : c.getRecordComponents()) {
            names.add(component.getName());
            collect(component.getGenericType(), names, seen);
        }
    }
}
