package io.clusterbench.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultIdsTest {

    @Test
    void acceptsLettersDigitsDashAndUnderscoreOnly() {
        assertThat(ResultIds.problem("before-tuning_2")).isEmpty();
        assertThat(ResultIds.problem("a".repeat(ResultIds.MAX_LENGTH))).isEmpty();
        assertThat(ResultIds.problem("a".repeat(ResultIds.MAX_LENGTH + 1))).isPresent();
        assertThat(ResultIds.problem("has space")).get().asString().contains("'has space'", "letters, digits, - and _");
        assertThat(ResultIds.problem("../up")).isPresent();
        assertThat(ResultIds.problem("ünïcode")).isPresent();
        assertThat(ResultIds.problem("")).isPresent();
        assertThat(ResultIds.problem(null)).isPresent();
    }

    @Test
    void namesAResultAfterItsFolderWithoutTheDefaultPrefix() {
        assertThat(ResultIds.derive("clusterbench", "cluster.yaml")).isEqualTo("clusterbench");
        assertThat(ResultIds.derive("clusterbench-before", "cluster.yaml")).isEqualTo("before");
        assertThat(ResultIds.derive("clusterbench-tuning", "cluster.yaml")).isEqualTo("tuning");
        assertThat(ResultIds.derive("bench/out", "cluster.yaml")).isEqualTo("bench-out");
        assertThat(ResultIds.derive("./results\\night run/", "cluster.yaml")).isEqualTo("results-night-run");
    }

    @Test
    void namesAResultAtTheWorkspacesTopAfterItsSpec() {
        assertThat(ResultIds.derive("", "specs/cache.cluster.yaml")).isEqualTo("cache-cluster");
        assertThat(ResultIds.derive(null, "llm.yaml")).isEqualTo("llm");
        assertThat(ResultIds.derive(".", "...")).isEqualTo(ResultIds.DEFAULT);
    }

    @Test
    void everyDerivedIdIsValid() {
        for (String folder : new String[] {"x".repeat(300), "ä/ö/ü", "clusterbench-", "-a-", "a b c"}) {
            assertThat(ResultIds.problem(ResultIds.derive(folder, "s.yaml"))).as(folder).isEmpty();
        }
    }
}
