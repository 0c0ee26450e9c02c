package io.clusterbench.probe.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the message out of an OpenAI-compatible server's error answer, in the shapes vLLM has used. */
final class ErrorBodies {
    /** Enough for any error message; a server that streams megabytes of error is cut short. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_MESSAGE = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ErrorBodies() {
    }

    /** Reads at most 64 KiB of an error body. */
    static String read(InputStream body) throws IOException {
        return new String(body.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
    }

    /**
     * The message of {@code {"error":{"message":...}}} (OpenAI and newer vLLM), {@code {"message":...}} (older vLLM's
     * flat {@code ErrorResponse}), {@code {"detail":...}} (FastAPI) or the body itself, shortened to 300 characters;
     * "an empty body" when there is nothing.
     */
    static String message(String body) {
        String text = body.strip();
        if (text.isEmpty()) {
            return "an empty body";
        }
        try {
            JsonNode tree = JSON.readTree(text);
            JsonNode error = tree.path("error");
            if (error.path("message").isTextual()) {
                return shorten(error.path("message").asText());
            }
            if (tree.path("message").isTextual()) {
                return shorten(tree.path("message").asText());
            }
            if (error.isTextual()) {
                return shorten(error.asText());
            }
            if (!tree.path("detail").isMissingNode()) {
                JsonNode detail = tree.path("detail");
                return shorten(detail.isTextual() ? detail.asText() : detail.toString());
            }
        } catch (IOException notJson) {
            // Proxies answer in HTML or plain text; their text is still the best message there is.
        }
        return shorten(text);
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
    }
}
