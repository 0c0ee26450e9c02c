package io.clusterbench.tune.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values are checked and put in the form CONFIG GET reads back, before anything is sent. */
class ValueRulesTest {

    @ParameterizedTest
    @CsvSource({
        "maxmemory, 100mb, 104857600",
        "maxmemory, 1G, 1000000000",
        "maxmemory, 2gb, 2147483648",
        "maxmemory, 512k, 512000",
        "maxmemory, 0, 0",
        "hz, 500, 500",
        "hz, 1, 1",
        "timeout, 007, 7",
        "timeout, +30, 30",
        "slowlog-log-slower-than, -1, -1",
        "maxmemory-policy, ALLKEYS-LRU, allkeys-lru",
        "lazyfree-lazy-eviction, YES, yes",
        "dynamic-hz, no, no",
        "active-defrag-cycle-max, 25, 25",
        "active-defrag-something-new, ' 7 ', 7",
    })
    void givesTheFormRedisReadsBack(String name, String value, String canonical) {
        ValueRules.Checked checked = ValueRules.check(name, value);

        assertThat(checked.problem()).isEmpty();
        assertThat(checked.canonical()).hasValue(canonical);
    }

    @ParameterizedTest
    @CsvSource({
        "hz, 0, 'hz must be a whole number from 1 to 500 (Redis clamps hz to 1..500), got ''0'''",
        "hz, 501, 'from 1 to 500'",
        "timeout, abc, 'timeout must be a whole number from 0 to 2147483647, got ''abc'''",
        "timeout, -1, 'from 0 to'",
        "timeout, 1.5, 'whole number'",
        "slowlog-log-slower-than, -2, 'from -1 to'",
        "maxmemory, 1.5mb, 'optionally with a unit'",
        "maxmemory, -1, 'optionally with a unit'",
        "maxmemory, 99999999999999gb, 'more bytes than Redis can hold'",
        "maxmemory-policy, lru, 'must be one of volatile-lru'",
        "activedefrag, 'true', 'must be yes or no'",
        "maxmemory-samples, 65, 'from 1 to 64'",
    })
    void refusesAValueRedisWouldRefuseOrChange(String name, String value, String problem) {
        ValueRules.Checked checked = ValueRules.check(name, value);

        assertThat(checked.canonical()).isEmpty();
        assertThat(checked.problem()).hasValueSatisfying(p -> assertThat(p).contains(problem));
    }
}
