package io.jenkins.plugins.clusterbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a result's {@link BuildDetails} (objectives, changes, effects: up to hundreds of lines) in a file of the build,
 * {@code <build>/clusterbench/<id>.json}, rather than in build.xml, which Jenkins reads whole for every build a page
 * or the trend touches. Only the result's own page reads it. Plain JSON written field by field, so that a renamed
 * Java field never makes an old file unreadable; the ids are {@code ResultIds}', which are safe file names.
 */
final class DetailsFile {
    /** The folder inside the build's directory. */
    static final String FOLDER = "clusterbench";

    private static final Logger LOGGER = Logger.getLogger(DetailsFile.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private DetailsFile() {
    }

    /** The folder of the details files in a build's directory. */
    static Path folderOf(File buildDirectory) {
        return buildDirectory.toPath().resolve(FOLDER);
    }

    /** Writes the details of result {@code id}, replacing what an earlier step with the same id wrote. */
    static void write(Path folder, String id, BuildDetails details) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode objectives = root.putArray("objectives");
        for (ObjectiveLine line : details.getObjectives()) {
            ObjectNode node = objectives.addObject();
            node.put("metric", line.getMetric());
            node.put("status", line.getStatus());
            node.put("measured", line.getMeasured());
            node.put("unit", line.getUnit());
            node.put("pass", line.getPass());
            node.put("explanation", line.getExplanation());
        }
        ArrayNode changes = root.putArray("changes");
        for (ChangeLine line : details.getChanges()) {
            ObjectNode node = changes.addObject();
            node.put("action", line.getAction());
            node.put("target", line.getTarget());
            node.put("status", line.getStatus());
            node.put("verified", line.isVerified());
            node.put("evidence", line.getEvidence());
            node.put("message", line.getMessage());
        }
        ArrayNode effects = root.putArray("effects");
        for (EffectLine line : details.getEffects()) {
            ObjectNode node = effects.addObject();
            node.put("metric", line.getMetric());
            node.put("before", line.getBefore());
            node.put("after", line.getAfter());
            node.put("change", line.getChange());
            node.put("verdict", line.getVerdict());
        }
        root.put("effectDesign", details.getEffectDesign());
        Files.createDirectories(folder);
        // Written beside and moved, so a page never reads half a file.
        Path file = folder.resolve(id + ".json");
        Path partial = folder.resolve(id + ".json.partial");
        Files.writeString(partial, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The details of result {@code id}; none when the file is missing (the step could not write it) or unreadable,
     * which is logged: the page then shows the summary alone.
     */
    static BuildDetails read(Path folder, String id) {
        Path file = folder.resolve(id + ".json");
        if (!Files.isRegularFile(file)) {
            return BuildDetails.none();
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<ObjectiveLine> objectives = new ArrayList<>();
            for (JsonNode node : root.path("objectives")) {
                objectives.add(new ObjectiveLine(text(node, "metric"), text(node, "status"),
                        node.path("measured").isNumber() ? node.get("measured").asDouble() : null, text(node, "unit"),
                        text(node, "pass"), text(node, "explanation")));
            }
            List<ChangeLine> changes = new ArrayList<>();
            for (JsonNode node : root.path("changes")) {
                changes.add(new ChangeLine(text(node, "action"), text(node, "target"), text(node, "status"),
                        node.path("verified").asBoolean(), text(node, "evidence"), text(node, "message")));
            }
            List<EffectLine> effects = new ArrayList<>();
            for (JsonNode node : root.path("effects")) {
                effects.add(new EffectLine(text(node, "metric"), text(node, "before"), text(node, "after"),
                        text(node, "change"), text(node, "verdict")));
            }
            return new BuildDetails(objectives, changes, effects, text(root, "effectDesign"));
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot read the Cluster Bench details " + file + "; the page shows the summary"
                    + " only", e);
            return BuildDetails.none();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
