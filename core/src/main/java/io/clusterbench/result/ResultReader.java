package io.clusterbench.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.InputFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads {@code result.json} bytes strictly: one JSON object and nothing after it, the one supported integer
 * {@code schemaVersion}, no {@code null} where a number belongs, nesting and size bounded.
 *
 * <p>Messages give the file, line and column and the path of the offending field, and never quote the file: a
 * result.json may come from elsewhere (an archived build, a shared folder) and may not be a result at all, so
 * Jackson's own messages, which quote the tokens they choke on, are translated here into words of our own.
 */
final class ResultReader {

    /** The largest result.json read, checked before reading; a 20,000-probe result is about 17 MB. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    /** The deepest nesting of objects and arrays read; a result.json written by this tool nests about 10 deep. */
    static final int MAX_NESTING = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                    .maxNumberLength(400).maxStringLength(32 * 1024 * 1024).build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .addModule(new JavaTimeModule())
            // Within one schema version, newer writers may add fields; older readers keep what they know.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A metric written as "value": null is a value that was not measured, never a zero that passes.
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ResultReader() {
    }

    /** Reads the file, refusing non-regular files and files over {@link #MAX_BYTES} before reading them. */
    static RunResult read(Path file) throws ClusterBenchException {
        byte[] bytes;
        try {
            bytes = InputFiles.read(file, MAX_BYTES);
        } catch (InputFiles.Refused refused) {
            throw new ClusterBenchException(refused.missing() ? Kind.ENVIRONMENT : Kind.INVALID_INPUT,
                    file + ": " + refused.getMessage() + (refused.missing() ? "" : "; not read as a result.json"));
        }
        return parse(bytes, file.toString());
    }

    /** Reads result.json bytes; {@code source} names them in messages. */
    static RunResult parse(byte[] bytes, String source) throws ClusterBenchException {
        if (bytes.length > MAX_BYTES) {
            throw invalid(source, "", "is " + bytes.length + " bytes, more than the limit of " + MAX_BYTES + " bytes");
        }
        try {
            checkVersion(bytes, source);
            return MAPPER.readValue(bytes, RunResult.class);
        } catch (JsonProcessingException e) {
            throw invalid(source, where(e.getLocation()), describe(e));
        } catch (IOException e) {
            throw invalid(source, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            // A value that Jackson takes but a record refuses surfaces here in some paths; never a stack trace.
            throw invalid(source, "", "holds a value this version cannot read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /** What a file of a history folder is, judged from its top level only. */
    enum Shape {
        /** A JSON object with {@code runId} and {@code schemaVersion}: meant as a result. */
        RESULT,
        /** Well-formed JSON of another kind: another file, skipped silently. */
        OTHER,
        /** Not well-formed JSON (or nested too deep): worth a warning. */
        MALFORMED
    }

    /** The shape of {@code bytes}, streamed without binding, so a large file costs no tree. */
    static Shape shape(byte[] bytes) {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return Shape.OTHER;
            }
            boolean runId = false;
            boolean version = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                runId |= "runId".equals(name);
                version |= "schemaVersion".equals(name);
                parser.nextToken();
                parser.skipChildren();
            }
            return runId && version ? Shape.RESULT : Shape.OTHER;
        } catch (IOException | RuntimeException e) {
            return Shape.MALFORMED;
        }
    }

    // Streams over the top level only, so a file of a newer or unknown version is refused before binding it.
    private static void checkVersion(byte[] bytes, String source) throws ClusterBenchException, IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw invalid(source, where(parser.currentTokenLocation()),
                        "not a Cluster Bench result (the top level is not a JSON object)");
            }
            JsonToken version = null;
            long number = 0;
            JsonLocation at = parser.currentTokenLocation();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isVersion = "schemaVersion".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (isVersion) {
                    version = value;
                    at = parser.currentTokenLocation();
                    number = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                            ? parser.getIntValue() : Long.MIN_VALUE;
                }
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw invalid(source, where(parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON object; a result.json is one object");
            }
            if (version == null) {
                throw invalid(source, "", "not a Cluster Bench result (no schemaVersion)");
            }
            if (number > RunResult.SCHEMA_VERSION) {
                throw invalid(source, where(at), "schemaVersion " + number + " was written by a newer clusterbench;"
                        + " this one reads " + RunResult.SCHEMA_VERSION + ": upgrade clusterbench");
            }
            if (number != RunResult.SCHEMA_VERSION) {
                throw invalid(source, where(at), "schemaVersion must be the whole number " + RunResult.SCHEMA_VERSION
                        + " (the one version this clusterbench reads); this file's is not");
            }
        }
    }

    private static ClusterBenchException invalid(String source, String where, String message) {
        return new ClusterBenchException(Kind.INVALID_INPUT, source + where + ": not a valid result.json: " + message);
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ":" + location.getLineNr() + ":" + location.getColumnNr();
    }

    /** What went wrong, in our words: Jackson's messages quote the offending text. */
    static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String original = String.valueOf(e.getOriginalMessage());
            return original.contains("nesting depth")
                    ? "nested deeper than " + MAX_NESTING + " levels of objects and arrays"
                    : "a number or text longer than this reader allows";
        }
        if (e instanceof StreamReadException) {
            return "not well-formed JSON here (a missing quote, comma or bracket, or a stray character)";
        }
        String path = e instanceof JsonMappingException mapping ? ResultVocabulary.path(mapping.getPath()) : "";
        String at = path.isEmpty() ? "" : " at " + path;
        if (e instanceof ValueInstantiationException) {
            return "a required field is missing or a value is out of range" + at
                    + " (numbers must be finite; leave out a metric that was not measured)";
        }
        if (e instanceof InvalidFormatException) {
            return "a value of the wrong form" + at + " (see docs/result.schema.json)";
        }
        if (e instanceof MismatchedInputException) {
            String original = String.valueOf(e.getOriginalMessage());
            if (original.contains("Cannot map `null`")) {
                return "null" + at + " where a number or flag is required (leave out a metric that was not"
                        + " measured; never write null)";
            }
            if (original.contains("Missing required")) {
                return "a required field is missing" + at;
            }
            if (original.contains("Trailing token")) {
                return "unexpected content after the end of the JSON object; a result.json is one object";
            }
            return "a value of the wrong type" + at + " (see docs/result.schema.json)";
        }
        return "a value this version cannot read" + at;
    }
}
