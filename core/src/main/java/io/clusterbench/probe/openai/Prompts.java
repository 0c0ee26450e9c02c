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
 * The prompts of one run, each with its own {@code max_tokens}: generated from the seed, or read from a file.
 *
 * @param texts the prompts; request {@code i} sends {@code texts[i % size]}
 * @param maxTokens the {@code max_tokens} of each prompt, in the same order
 * @param generated whether they were generated, which decides {@code ignore_eos} unless the spec says (as vLLM
 *     bench's random dataset)
 * @param plannedTokens the words per generated prompt, the input length assumed when a server sends no usage;
 *     -1 for prompts of drawn lengths or from a file, whose length in tokens is unknown to the probe
 */
record Prompts(List<String> texts, List<Integer> maxTokens, boolean generated, int plannedTokens) {

    Prompts {
        texts = List.copyOf(texts);
        maxTokens = List.copyOf(maxTokens);
        if (texts.size() != maxTokens.size()) {
            throw new IllegalArgumentException("one max_tokens per prompt");
        }
    }

    /** A fixed mix added to the seed for the lengths, so that drawing them leaves the words of the prompts alone. */
    private static final long LENGTH_SEED = 0x9E3779B97F4A7C15L;

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
     * other so that a prefix cache does not serve one request from another. Every prompt asks for
     * {@code maxTokens}.
     */
    static Prompts generate(int count, int words, int maxTokens, long seed) {
        return generate(count, words, maxTokens, TokenLengths.FIXED, seed);
    }

    /**
     * {@code count} prompts whose lengths in words and whose {@code max_tokens} are drawn around {@code words} and
     * {@code maxTokens} by {@code lengths} (vLLM bench's random dataset with {@code --random-range-ratio}), from a
     * second {@link Random} of the seed, so that the same seed gives the same lengths and words.
     */
    static Prompts generate(int count, int words, int maxTokens, TokenLengths lengths, long seed) {
        Random random = new Random(seed);
        Random drawn = new Random(seed ^ LENGTH_SEED);
        List<String> texts = new ArrayList<>(count);
        List<Integer> outputs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = lengths.draw(drawn, words);
            outputs.add(lengths.draw(drawn, maxTokens));
            StringBuilder prompt = new StringBuilder(length * 6);
            for (int w = 0; w < length; w++) {
                if (w > 0) {
                    prompt.append(' ');
                }
                prompt.append(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
            }
            texts.add(prompt.toString());
        }
        return new Prompts(texts, outputs, true, lengths.fixed() ? words : -1);
    }

    /**
     * The prompts of a UTF-8 file: one per line; a line that starts with <code>{</code> is a JSON object whose
     * {@code prompt} (text) is the prompt and whose optional {@code output_tokens} (a whole number from 1) is its
     * {@code max_tokens}, so that JSONL datasets, and prompts with line breaks, work too. Other prompts ask for
     * {@code maxTokens}. Blank lines are skipped.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the line, when a JSON line has no text {@code prompt} or a bad
     *     {@code output_tokens}, or the file holds no prompt
     */
    static Prompts read(Path file, int maxTokens) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!line.startsWith("{")) {
                texts.add(line);
                outputs.add(maxTokens);
                continue;
            }
            JsonNode object;
            try {
                object = json.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not valid JSON ("
                        + e.getOriginalMessage() + ")");
            }
            JsonNode prompt = object.get("prompt");
            if (prompt == null || !prompt.isTextual()) {
                throw new IllegalArgumentException(file + ":" + (i + 1)
                        + ": a JSON line needs a text field \"prompt\"");
            }
            JsonNode output = object.get("output_tokens");
            if (output != null && (!output.canConvertToInt() || !output.isIntegralNumber() || output.asInt() < 1)) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": \"output_tokens\" must be a whole"
                        + " number from 1, got " + output);
            }
            texts.add(prompt.asText());
            outputs.add(output == null ? maxTokens : output.asInt());
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(file + ": holds no prompt; write one prompt per line");
        }
        return new Prompts(texts, outputs, false, -1);
    }

    /** The prompt of request {@code index}, cycling through the prompts when there are fewer than requests. */
    String get(int index) {
        return texts.get(index % texts.size());
    }

    /** The {@code max_tokens} of request {@code index}, cycling as {@link #get} does. */
    int maxTokensOf(int index) {
        return maxTokens.get(index % maxTokens.size());
    }

    /** The largest {@code max_tokens} of any request, which bounds how long a stream may be. */
    int longestOutput() {
        return maxTokens.stream().mapToInt(Integer::intValue).max().orElse(1);
    }
}
