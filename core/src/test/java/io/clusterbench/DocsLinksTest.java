package io.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A reader of the repository can follow every link its docs give: none leads outside it or to a missing file. */
class DocsLinksTest {

    /** {@code [text](target)} and {@code ![alt](target)}; the target ends at the first space or closing bracket. */
    private static final Pattern INLINE_LINK =
            Pattern.compile("\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** {@code [label]: target} at the start of a line. */
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    /** A path on the machine the docs were written on: under /work, or the shared folder beside the checkout. */
    private static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.~-])/work/|\\.\\./shared\\b");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private static Path root;

    @BeforeAll
    static void findRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("README.md"))
                && Files.isRegularFile(dir.resolve("docs/result.schema.json")))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
        root = dir.normalize();
    }

    @Test
    void everyRelativeLinkInTheDocsResolvesToAFileInsideTheRepository() throws IOException {
        List<Path> docs = markdownDocs();
        assertThat(docs).as("README.md and docs/**/*.md").hasSizeGreaterThan(5);
        List<String> broken = new ArrayList<>();
        int relative = 0;
        for (Path doc : docs) {
            for (String line : proseLines(doc)) {
                for (String target : targets(line)) {
                    relative += target.contains(":") ? 0 : 1;
                    problem(doc, target).ifPresent(p -> broken.add(root.relativize(doc) + ": " + p));
                }
            }
        }

        assertThat(relative).as("relative links checked").isGreaterThan(10);
        assertThat(broken).isEmpty();
    }

    @Test
    void noDocNamesAPathOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : filesUnder(List.of(root.resolve("README.md"), root.resolve("docs"), root.resolve("bench")))) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (MACHINE_PATH.matcher(lines.get(i)).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }

        assertThat(found).isEmpty();
    }

    @Test
    void findsBrokenAndMachineOnlyLinksInATestText() {
        assertThat(targets("see [a](docs/a.md#x), ![b](img.png \"t\") and `[c](not-a-link.md)`"))
                .containsExactly("docs/a.md#x", "img.png");
        assertThat(targets("[ref]: ../shared/reference/facts.md")).containsExactly("../shared/reference/facts.md");
        assertThat(problem(root.resolve("docs/x.md"), "../../outside.md")).get().asString()
                .contains("outside the repository");
        assertThat(problem(root.resolve("docs/x.md"), "missing-file.md")).get().asString().contains("no such file");
        assertThat(problem(root.resolve("docs/x.md"), "https://docs.vllm.ai/")).isEmpty();
        assertThat(MACHINE_PATH.matcher("from /work/shared/reference/domain-facts.md").find()).isTrue();
        assertThat(MACHINE_PATH.matcher("see ../shared/DESIGN.md").find()).isTrue();
        assertThat(MACHINE_PATH.matcher("under /var/lib/work/ and src/main/work/x").find()).isFalse();
    }

    @Test
    void takesHeadingAnchorsAsGitHubSpellsThem() {
        assertThat(anchor("Rules the reports follow")).isEqualTo("rules-the-reports-follow");
        assertThat(anchor("The audit report (`audit-report.md`, `audit-report.html`)"))
                .isEqualTo("the-audit-report-audit-reportmd-audit-reporthtml");
        assertThat(anchor("HTML and Jenkins' Content-Security-Policy"))
                .isEqualTo("html-and-jenkins-content-security-policy");
    }

    private static List<Path> markdownDocs() throws IOException {
        return filesUnder(List.of(root.resolve("README.md"), root.resolve("docs"))).stream()
                .filter(p -> p.getFileName().toString().endsWith(".md")).toList();
    }

    private static List<Path> filesUnder(List<Path> starts) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path start : starts) {
            if (!Files.exists(start)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(start)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        return files;
    }

    /** The lines of a doc with those of fenced code blocks blanked, so that line numbers stay and code is no link. */
    private static List<String> proseLines(Path doc) throws IOException {
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                prose.add("");
                continue;
            }
            prose.add(fenced ? "" : line);
        }
        return prose;
    }

    static List<String> targets(String line) {
        String prose = line.replaceAll("``[^`]*``|`[^`]*`", "");
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(prose);
        while (inline.find()) {
            targets.add(inline.group(1));
        }
        Matcher reference = REFERENCE_LINK.matcher(prose);
        if (reference.matches()) {
            targets.add(reference.group(1));
        }
        return targets;
    }

    /** Why {@code target}, linked from {@code doc}, cannot be followed in the repository; empty when it can. */
    static Optional<String> problem(Path doc, String target) {
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return Optional.empty(); // https:, mailto: and other schemes leave the repository by intent
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : target.substring(hash + 1);
        if (path.startsWith("/")) {
            return Optional.of(target + ": an absolute path, which a reader of the repository cannot follow");
        }
        Path resolved = path.isEmpty() ? doc : doc.getParent().resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            return Optional.of(target + ": leads outside the repository");
        }
        if (!Files.exists(resolved)) {
            return Optional.of(target + ": no such file in the repository");
        }
        if (!fragment.isEmpty() && resolved.getFileName().toString().endsWith(".md") && !anchors(resolved)
                .contains(fragment)) {
            return Optional.of(target + ": " + root.relativize(resolved) + " has no heading #" + fragment);
        }
        return Optional.empty();
    }

    private static List<String> anchors(Path doc) {
        try {
            List<String> anchors = new ArrayList<>();
            for (String line : proseLines(doc)) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    String anchor = anchor(heading.group(1));
                    long seen = anchors.stream()
                            .filter(a -> a.equals(anchor) || a.matches(Pattern.quote(anchor) + "-\\d+")).count();
                    anchors.add(seen == 0 ? anchor : anchor + "-" + seen);
                }
            }
            return anchors;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GitHub's anchor for a heading: lower case, punctuation but {@code -} and {@code _} dropped, spaces as dashes. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
