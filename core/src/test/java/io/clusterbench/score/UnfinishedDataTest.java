package io.clusterbench.score;

import static io.clusterbench.score.ScoreFixtures.T0;
import static io.clusterbench.score.ScoreFixtures.objective;
import static io.clusterbench.score.ScoreFixtures.run;
import static io.clusterbench.score.ScoreFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.ErrorKind;
import io.clusterbench.result.History;
import io.clusterbench.result.MetricValue;
import io.clusterbench.result.ObjectiveResult;
import io.clusterbench.result.ObjectiveStatus;
import io.clusterbench.result.ProbeError;
import io.clusterbench.result.ProbeMeasurement;
import io.clusterbench.result.ProbeStatus;
import io.clusterbench.result.ScoreResult;
import io.clusterbench.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Objectives never pass on numbers that did not finish, and a probe the run left out is excluded, not failed. */
class UnfinishedDataTest {

    private static ProbeMeasurement cache(ProbeStatus status, ErrorKind errorKind, long errors) {
        List<ProbeError> problems = errors == 0 ? List.of()
                : List.of(new ProbeError(errorKind, "connection refused by 127.0.0.1:6379", errors, T0));
        return new ProbeMeasurement("cache", "redis", "redis://127.0.0.1:6379/0", status, T0, T0.plusSeconds(5),
                List.of(MetricValue.of("p99_ms", 0.4, "ms"), MetricValue.of("errors", errors, "count")), List.of(),
                problems);
    }

    @Test
    void anObjectiveOnAProbeKilledHalfWayHasNoDataAndFailsByDefault() {
        ScoreResult score = Scorer.score(spec(List.of(objective("cache.p99_ms", "<= 2"))),
                run("r1", 0, cache(ProbeStatus.PARTIAL, ErrorKind.UNREACHABLE, 21)), History.empty());

        ObjectiveResult judged = score.objectives().get(0);
        assertThat(judged.status()).isEqualTo(ObjectiveStatus.FAIL);
        assertThat(judged.measured()).isNull();
        assertThat(judged.explanation()).contains("ended PARTIAL with 21 error events").contains("did not finish")
                .contains("cache.errors");
        assertThat(score.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void anObjectiveOnTheProbesErrorsLetsItsPartialNumbersCountAndJudgesTheErrors() {
        ScoreResult score = Scorer.score(spec(List.of(objective("cache.p99_ms", "<= 2"),
                        objective("cache.errors", "<= 0"))),
                run("r1", 0, cache(ProbeStatus.PARTIAL, ErrorKind.UNREACHABLE, 21)), History.empty());

        assertThat(score.objectives()).extracting(ObjectiveResult::status)
                .containsExactly(ObjectiveStatus.PASS, ObjectiveStatus.FAIL);
        assertThat(score.objectives().get(1).measured()).isEqualTo(21.0);
    }

    @Test
    void queriesWithoutSeriesLeaveTheProbesOtherNumbersFinished() {
        ScoreResult score = Scorer.score(spec(List.of(objective("cache.p99_ms", "<= 2"))),
                run("r1", 0, cache(ProbeStatus.PARTIAL, ErrorKind.NODATA, 1)), History.empty());

        assertThat(score.objectives().get(0).status()).isEqualTo(ObjectiveStatus.PASS);
    }

    @Test
    void anObjectiveOnAProbeTheRunLeftOutIsExcludedFromTheScoreWithTheReason() {
        ProbeMeasurement other = new ProbeMeasurement("lb", "http", "http://127.0.0.1:8080/", ProbeStatus.OK, T0,
                T0.plusSeconds(5), List.of(MetricValue.of("p99_ms", 3, "ms")), List.of(), List.of());
        ScoreResult score = Scorer.score(spec(List.of(objective("cache.p99_ms", "<= 2"),
                        objective("lb.p99_ms", "<= 50"))),
                run("r1", 0, other), History.empty());

        ObjectiveResult leftOut = score.objectives().get(0);
        assertThat(leftOut.status()).isEqualTo(ObjectiveStatus.IGNORED);
        assertThat(leftOut.explanation()).contains("not measured in this run").contains("--only");
        assertThat(leftOut.contribution()).isZero();
        assertThat(score.score()).isEqualTo(100.0);
        assertThat(score.verdict()).isEqualTo(Verdict.PASS);
    }
}
