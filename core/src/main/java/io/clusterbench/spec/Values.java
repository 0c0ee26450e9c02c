package io.clusterbench.spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one YAML value as a typed value, or reports at the value's position what was wrong and returns empty.
 *
 * <p>Types follow the YAML 1.2 JSON schema: {@code 22} is a number, {@code "22"} is text, {@code yes} is text.
 */
final class Values {

    static final String SECRET_INLINE = "write secrets as ${env:NAME} or ${file:PATH}, never inline";
    static final String SECRET_MALFORMED = "malformed secret reference: write ${env:NAME} (NAME of letters, digits"
            + " and _, not starting with a digit) or ${file:PATH}";

    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");
    private static final int MAX_ID_LENGTH = 64;
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m|h)");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern DNS_NAME = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final int MAX_ECHO = 60;
    /** The largest TCP port, for ports written inside URLs; port fields check the same range. */
    static final int MAX_PORT = 65535;

    private Values() {
    }

    /** How a node is named in "got ..." messages; text is echoed (shortened), never for secrets. */
    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (tag.equals(Tag.NULL)) {
            return "nothing";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "the number " + scalar.getValue();
        }
        if (tag.equals(Tag.BOOL)) {
            return scalar.getValue();
        }
        return "'" + echo(scalar.getValue()) + "'";
    }

    static boolean isNull(Node node) {
        return scalarTagged(node, Tag.NULL).isPresent();
    }

    static String echo(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    private static Optional<ScalarNode> scalarTagged(Node node, Tag tag) {
        return node instanceof ScalarNode s && s.getTag().equals(tag) ? Optional.of(s) : Optional.empty();
    }

    static Optional<String> text(Node node, String path, Binding binding) {
        Optional<ScalarNode> scalar = scalarTagged(node, Tag.STR);
        if (scalar.isEmpty()) {
            String hint = node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)
                    ? " (quote it to mean text: \"" + echo(s.getValue()) + "\")" : "";
            binding.error(node, path, "must be text, got " + describe(node) + hint);
            return Optional.empty();
        }
        if (scalar.get().getValue().isEmpty()) {
            binding.error(node, path, "must not be empty");
            return Optional.empty();
        }
        return Optional.of(scalar.get().getValue());
    }

    static Optional<Long> whole(Node node, String path, Binding binding, long min, long max) {
        Optional<ScalarNode> scalar = scalarTagged(node, Tag.INT);
        if (scalar.isEmpty()) {
            binding.error(node, path, "must be a whole number, got " + describe(node) + unquoteHint(node));
            return Optional.empty();
        }
        String written = scalar.get().getValue();
        long value;
        try {
            value = Long.parseLong(written);
        } catch (NumberFormatException tooLarge) {
            binding.error(node, path, "must be " + wholeRange(min, max) + ", got " + written);
            return Optional.empty();
        }
        if (value < min || value > max) {
            binding.error(node, path, "must be " + wholeRange(min, max) + ", got " + written);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    static String wholeRange(long min, long max) {
        if (max == Long.MAX_VALUE) {
            return min == Long.MIN_VALUE ? "a whole number" : ">= " + min;
        }
        return min + "-" + max;
    }

    // "22" in quotes is text in YAML and JSON alike; say so, since it looks like a number to a person.
    private static String unquoteHint(Node node) {
        return scalarTagged(node, Tag.STR).filter(s -> s.getValue().matches("-?[0-9]+(\\.[0-9]+)?"))
                .map(s -> " (write it without quotes)").orElse("");
    }

    static Optional<Double> number(Node node, String path, Binding binding, Range range) {
        boolean numeric = scalarTagged(node, Tag.INT).isPresent() || scalarTagged(node, Tag.FLOAT).isPresent();
        if (!numeric) {
            binding.error(node, path, "must be a number, got " + describe(node) + unquoteHint(node));
            return Optional.empty();
        }
        String written = ((ScalarNode) node).getValue();
        double value;
        try {
            value = Double.parseDouble(written);
        } catch (NumberFormatException special) {
            value = Double.NaN; // .inf and .nan are YAML floats that Java does not parse
        }
        if (!Double.isFinite(value)) {
            binding.error(node, path, "must be a finite number, got " + written);
            return Optional.empty();
        }
        if (!range.contains(value)) {
            binding.error(node, path, "must be " + range.describe() + ", got " + written);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    static Optional<Boolean> flag(Node node, String path, Binding binding) {
        // A tag forces the type but not the spelling: "!!bool yes" or "!!bool maybe" is a BOOL node that
        // Boolean.parseBoolean would read as false, silently. Only the two words of the JSON schema count.
        Optional<String> word = scalarTagged(node, Tag.BOOL).map(ScalarNode::getValue)
                .filter(v -> v.equals("true") || v.equals("false"));
        if (word.isEmpty()) {
            binding.error(node, path, "must be true or false, got " + describe(node));
            return Optional.empty();
        }
        return Optional.of(word.get().equals("true"));
    }

    static Optional<Duration> duration(Node node, String path, Binding binding) {
        return duration(node, path, binding, false);
    }

    /** A duration; {@code 0s} only where {@code zeroAllowed}, for parameters where zero means "none". */
    static Optional<Duration> duration(Node node, String path, Binding binding, boolean zeroAllowed) {
        Optional<ScalarNode> scalar = scalarTagged(node, Tag.STR);
        Matcher m = DURATION.matcher(scalar.map(ScalarNode::getValue).orElse(""));
        if (!m.matches()) {
            binding.error(node, path, "must be a duration such as 500ms, 10s, 2m or 1h, got " + describe(node));
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.isZero() && !zeroAllowed) {
            binding.error(node, path, "must be longer than 0, got " + m.group());
            return Optional.empty();
        }
        return Optional.of(duration);
    }

    static Optional<URI> url(Node node, String path, Binding binding) {
        Optional<ScalarNode> scalar = scalarTagged(node, Tag.STR);
        if (scalar.isPresent()) {
            try {
                URI uri = new URI(scalar.get().getValue());
                String scheme = uri.getScheme();
                if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null
                        && uri.getUserInfo() == null) {
                    if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > MAX_PORT)) {
                        binding.error(node, path, "the port of the URL must be 1-" + MAX_PORT + ", got "
                                + uri.getPort());
                        return Optional.empty();
                    }
                    return Optional.of(uri);
                }
            } catch (URISyntaxException bad) {
                // reported below with the accepted form
            }
        }
        binding.error(node, path, "must be an http:// or https:// URL with a host (and no user:password@),"
                + " such as http://10.0.0.69:8000, got " + describe(node));
        return Optional.empty();
    }

    static Optional<String> choice(Node node, String path, Binding binding, List<String> words) {
        Optional<ScalarNode> scalar = scalarTagged(node, Tag.STR);
        if (scalar.isPresent() && words.contains(scalar.get().getValue())) {
            return scalar.map(ScalarNode::getValue);
        }
        String hint = scalar.map(s -> Suggestions.didYouMean(s.getValue(), words)).orElse("");
        binding.error(node, path, "must be " + Suggestions.orList(words) + ", got " + describe(node) + hint);
        return Optional.empty();
    }

    /**
     * A secret reference; a literal is refused without echoing it, and a reference that cannot be read now is a
     * warning (it is read again when used). A relative file path is resolved against the spec's folder.
     */
    static Optional<SecretRef> secret(Node node, String path, Binding binding) {
        Optional<ScalarNode> scalar = scalarTagged(node, Tag.STR);
        String text = scalar.map(ScalarNode::getValue).orElse("");
        if (scalarTagged(node, Tag.NULL).isPresent()) {
            binding.error(node, path, "must be a secret reference such as ${env:NAME} or ${file:PATH}, got nothing");
            return Optional.empty();
        }
        if (!text.startsWith("${")) {
            binding.error(node, path, SECRET_INLINE);
            return Optional.empty();
        }
        Optional<SecretRef> parsed = SecretRef.parse(text);
        if (parsed.isEmpty()) {
            binding.error(node, path, SECRET_MALFORMED);
            return Optional.empty();
        }
        SecretRef ref = parsed.get();
        if (ref.source() == SecretRef.Source.FILE) {
            try {
                ref = SecretRef.file(SpecPaths.resolve(binding.folder(), ref.name()).toString());
            } catch (InvalidPathException e) {
                binding.error(node, path, SECRET_MALFORMED);
                return Optional.empty();
            }
        }
        binding.secrets().unavailableReason(ref).ifPresent(reason ->
                binding.warning(node, path, reason + " (it is read again when used)"));
        return Optional.of(ref);
    }

    /** A file path, resolved against the spec's folder unless absolute or starting with ~. */
    static Optional<Path> filePath(Node node, String path, Binding binding) {
        return text(node, path, binding).flatMap(text -> {
            try {
                return Optional.of(SpecPaths.resolve(binding.folder(), text));
            } catch (InvalidPathException e) {
                binding.error(node, path, "must be a file path, got '" + echo(text) + "'");
                return Optional.empty();
            }
        });
    }

    static Optional<List<Node>> list(Node node, String path, Binding binding) {
        if (node instanceof SequenceNode sequence) {
            return Optional.of(sequence.getValue());
        }
        binding.error(node, path, "must be a list, got " + describe(node));
        return Optional.empty();
    }

    /** A list of text items, each checked; empty when any item is bad or a required list is empty. */
    static Optional<List<String>> textList(Node node, String path, Binding binding, boolean nonEmpty) {
        Optional<List<Node>> items = list(node, path, binding);
        if (items.isEmpty()) {
            return Optional.empty();
        }
        if (nonEmpty && items.get().isEmpty()) {
            binding.error(node, path, "must not be empty");
            return Optional.empty();
        }
        int errorsBefore = binding.errorCount();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            text(items.get().get(i), path + "[" + i + "]", binding).ifPresent(texts::add);
        }
        return binding.errorCount() == errorsBefore ? Optional.of(texts) : Optional.empty();
    }

    /** Checks an id (of the cluster, a host, a service, a probe, an action). */
    static boolean checkId(Node at, String path, String id, Binding binding) {
        if (ID.matcher(id).matches() && id.length() <= MAX_ID_LENGTH) {
            return true;
        }
        binding.error(at, path, "'" + echo(id) + "' is not a valid name: use letters, digits, '.', '_' and '-',"
                + " starting with a letter or digit, at most " + MAX_ID_LENGTH + " characters");
        return false;
    }

    /** Checks an address: an IPv4 or IPv6 literal or a DNS name. */
    static Optional<String> address(Node node, String path, Binding binding) {
        Optional<String> text = text(node, path, binding);
        if (text.isEmpty()) {
            return text;
        }
        String address = text.get();
        boolean valid = IPV4.matcher(address).matches() ? ipv4InRange(address)
                : IPV6.matcher(address).matches() || (DNS_NAME.matcher(address).matches() && address.length() <= 253
                        && !address.matches("[0-9.]+"));
        if (!valid) {
            binding.error(node, path, "must be an IP address or a DNS name, got '" + echo(address) + "'");
            return Optional.empty();
        }
        return text;
    }

    private static boolean ipv4InRange(String address) {
        for (String part : address.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
