package io.clusterbench.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.spec.DefaultSecretResolver;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.SpecException;
import io.clusterbench.spec.SpecLoader;
import io.clusterbench.spec.SpecProblem;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the spec reader: whatever the text, it is either a spec or a {@link SpecException}
 * whose every problem has a message free of raw control characters; nothing else is ever thrown (no
 * StackOverflowError, no NullPointerException, no NumberFormatException).
 *
 * <p>Tries are set per property so that the total across the fuzz tests stays above 10,000 per build.
 */
class SpecReaderFuzzTest {

    private static final SecretResolver NO_ENVIRONMENT = new DefaultSecretResolver(name -> null);

    @Property(tries = 4_000)
    void structuredDocumentsAreReadOrRefusedCleanly(@ForAll("structuredSpecs") String text) {
        check(text);
    }

    @Property(tries = 1_500)
    void mutatedValidSpecsAreReadOrRefusedCleanly(@ForAll("mutatedSpecs") String text) {
        check(text);
    }

    @Property(tries = 1_000)
    void arbitraryTextIsReadOrRefusedCleanly(@ForAll("rawTexts") String text) {
        check(text);
    }

    @Provide
    Arbitrary<String> structuredSpecs() {
        return Arbitraries.longs().map(seed -> Documents.spec(new Random(seed)));
    }

    @Provide
    Arbitrary<String> mutatedSpecs() {
        return Arbitraries.longs().map(seed -> Documents.mutatedSpec(new Random(seed)));
    }

    @Provide
    Arbitrary<String> rawTexts() {
        return Arbitraries.strings().all().ofMaxLength(300)
                .injectDuplicates(0.01)
                .edgeCases(edges -> edges.add("[".repeat(3_000)).add("{a: ".repeat(2_000)).add("- ".repeat(2_000)));
    }

    private static void check(String text) {
        try {
            SpecLoader.load("fuzz.yaml", text, Path.of("/fuzz"), NO_ENVIRONMENT);
        } catch (SpecException refused) {
            assertThat(refused.problems()).isNotEmpty();
            for (SpecProblem problem : refused.problems()) {
                assertThat(problem.message()).isNotBlank();
                assertThat(Junk.hasRawControl(problem.format())).as(problem.format()).isFalse();
            }
        }
    }
}
