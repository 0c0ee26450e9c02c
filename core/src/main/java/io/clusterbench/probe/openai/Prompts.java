package io.clusterbench.probe.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The prompts of one run: generated from the seed, or read from a file.
 *
 * @param texts the prompts; request {@code i} sends {@code texts[i % size]}
 * @param generated whether they were generated, which decides {@code ignore_eos} (as vLLM bench's random dataset)
 * @param plannedTokens the words per generated prompt, the input length assumed when a server sends no usage;
 *     -1 for prompts from a file, whose length in tokens is unknown to the probe
 */
record Prompts(List<String> texts, boolean generated, int plannedTokens) {

    /**
     * Common English words that most tokenizers (Llama, Mistral, Qwen, GPT) encode as one token each when preceded
     * by a space, so that a prompt of N words is close to N tokens. The server's usage is still what counts.
     */
    static final List<String> VOCABULARY = List.of(
            "the", "of", "and", "to", "in", "is", "you", "that", "it", "he", "was", "for", "on", "are", "as",
            "with", "his", "they", "at", "be", "this", "have", "from", "or", "one", "had", "by", "word", "but",
            "not", "what", "all", "were", "we", "when", "your", "can", "said", "there", "use", "an", "each",
            "which", "she", "do", "how", "their", "if", "will", "up", "other", "about", "out", "many", "then",
            "them", "these", "so", "some", "her", "would", "make", "like", "him", "into", "time", "has", "look",
            "two", "more", "write", "go", "see", "number", "no", "way", "could", "people", "my", "than", "first",
            "water", "been", "call", "who", "now", "find", "long", "down", "day", "did", "get", "come", "made",
            "may", "part", "over", "new", "sound", "take", "only", "little", "work", "know", "place", "year",
            "live", "me", "back", "give", "most", "very", "after", "thing", "our", "just", "name", "good",
            "sentence", "man", "think", "say", "great", "where", "help", "through", "much", "before", "line",
            "right", "too", "mean", "old", "any", "same", "tell", "boy", "follow", "came", "want", "show", "also",
            "around", "form", "three", "small", "set", "put", "end", "does", "another", "well", "large", "must",
            "big", "even", "such", "because", "turn", "here", "why", "ask", "went", "men", "read", "need", "land",
            "different", "home", "us", "move", "try", "kind", "hand", "picture", "again", "change", "off", "play",
            "spell", "air", "away", "animal", "house", "point", "page", "letter", "mother", "answer", "found",
            "study", "still", "learn", "should", "world", "high", "every", "near", "add", "food", "between", "own",
            "below", "country", "plant", "last", "school", "father", "keep", "tree", "never", "start", "city");

    /**
     * {@code count} prompts of {@code words} words each, drawn uniformly from {@link #VOCABULARY} by one
     * {@link Random} seeded with {@code seed}: the same seed gives the same prompts, and prompts differ from each
     * other so that a prefix cache does not serve one request from another.
     */
    static Prompts generate(int count, int words, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder prompt = new StringBuilder(words * 6);
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    prompt.append(' ');
                }
                prompt.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
            }
            texts.add(prompt.toString());
        }
        return new Prompts(List.copyOf(texts), true, words);
    }

    /**
     * The prompts of a UTF-8 file: one per line; a line that starts with <code>{</code> is a JSON object whose
     * {@code prompt} (text) is the prompt, so that JSONL files, and prompts with line breaks, work too. Blank lines
     * are skipped.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line, when a JSON line has no text {@code prompt} or the file
     *     holds no prompt
     */
    static Prompts read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("{")) {
                JsonNode prompt;
                try {
                    prompt = json.readTree(line).get("prompt");
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not valid JSON ("
                            + e.getOriginalMessage() + ")");
                }
                if (prompt == null || !prompt.isTextual()) {
                    throw new IllegalArgumentException(file + ":" + (i + 1)
                            + ": a JSON line needs a text field \"prompt\"");
                }
                texts.add(prompt.asText());
            } else {
                texts.add(line);
            }
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(file + ": holds no prompt; write one prompt per line");
        }
        return new Prompts(List.copyOf(texts), false, -1);
    }

    /** The prompt of request {@code index}, cycling through the prompts when there are fewer than requests. */
    String get(int index) {
        return texts.get(index % texts.size());
    }
}
