package io.clusterbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterbench.result.EffectVerdict;
import io.clusterbench.result.MetricEffect;
import io.clusterbench.result.RoundSpread;
import io.clusterbench.result.RunComparison;
import io.clusterbench.tune.Tuning;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of the rounds of run. */
class RoundPlanTest {

    @Test
    void alternatesInAbbaBlocksSoThatEachConditionLeadsAndFollowsAlike() {
        assertThat(RoundPlan.alternating(5)).isEqualTo("ABBAABBAAB");
        assertThat(RoundPlan.alternating(2)).isEqualTo("ABBA");
        String order = RoundPlan.alternating(6);
        assertThat(order.chars().filter(c -> c == 'A').count()).isEqualTo(6);
        // The mean position of A and of B is the same: a linear drift falls on both alike.
        double a = 0;
        double b = 0;
        for (int i = 0; i < 8; i++) {
            if (order.charAt(i) == 'A') {
                a += i;
            } else {
                b += i;
            }
        }
        assertThat(a).isEqualTo(b);
    }

    @Test
    void anIrreversibleActionGivesTheWeakerBeforeAfterDesignAndSaysSo() {
        RoundPlan plan = RoundPlan.of(io.clusterbench.score.ScoreFixturesAccess.emptySpec(),
                new Tuning.Reversibility(List.of("restart:lb"), List.of("restart:lb (a restart cannot be undone)")));

        assertThat(plan.design()).isEqualTo(RunComparison.BEFORE_AFTER);
        assertThat(plan.order()).isEqualTo("AAAAABBBBB");
        assertThat(plan.note()).contains("the weaker design").contains("restart:lb");
    }

    @Test
    void reversibleChangesAlternate() {
        RoundPlan plan = RoundPlan.of(io.clusterbench.score.ScoreFixturesAccess.emptySpec(),
                new Tuning.Reversibility(List.of("redis-config:cache"), List.of()));

        assertThat(plan.design()).isEqualTo(RunComparison.ALTERNATING);
        assertThat(plan.order()).isEqualTo("ABBAABBAAB");
        assertThat(plan.perCondition()).isEqualTo(5);
    }

    @Test
    void addsAlternatingRoundsOnlyWhenAComparedMetricWasTooNoisy() {
        RoundPlan plan = RoundPlan.of(io.clusterbench.score.ScoreFixturesAccess.emptySpec(),
                new Tuning.Reversibility(List.of("redis-config:cache"), List.of()));

        RoundPlan more = plan.extendedFor(comparison(effect(EffectVerdict.INCONCLUSIVE, 168.0)), 5).orElseThrow();

        assertThat(more.perCondition()).isEqualTo(10);
        // The planned order goes on, ABBA blocks balanced over the whole run.
        assertThat(more.order()).isEqualTo("ABBAABBAAB" + "BAABBAABBA");
        assertThat(more.extension()).contains("cache.p99_ms (only a change beyond 168% could have been detected)")
                .contains("5 more rounds of each");
        assertThat(more.note()).startsWith(plan.note()).endsWith(more.extension());
        assertThat(plan.extendedFor(comparison(effect(EffectVerdict.NO_DETECTABLE_CHANGE, 40.0)), 5)).isEmpty();
        assertThat(plan.extendedFor(comparison(effect(EffectVerdict.INCONCLUSIVE, 168.0)), 0)).isEmpty();
        // Inconclusive for another reason (other load): more rounds would not help.
        assertThat(plan.extendedFor(comparison(effect(EffectVerdict.INCONCLUSIVE, null)), 5)).isEmpty();
    }

    @Test
    void addsAsManyRoundsAsTheNoisiestMetricNeedsWithinTheSetting() {
        RoundPlan plan = RoundPlan.of(io.clusterbench.score.ScoreFixturesAccess.emptySpec(),
                new Tuning.Reversibility(List.of("redis-config:cache"), List.of()));

        // A floor of 250% after 5 rounds: (ln 3.5 / ln 2)^2 x 5 = 16.3, so about 17 per condition.
        RoundPlan more = plan.extendedFor(comparison(effect(EffectVerdict.INCONCLUSIVE, 250.0)), 20).orElseThrow();
        assertThat(more.perCondition()).isEqualTo(17);
        assertThat(more.extension()).contains("12 more rounds of each").contains("about 17 per condition needed");
        // The setting caps it.
        assertThat(plan.extendedFor(comparison(effect(EffectVerdict.INCONCLUSIVE, 250.0)), 10).orElseThrow()
                .perCondition()).isEqualTo(15);
        // Never fewer than 5 more: a floor just above the limit still gets enough rounds to outvote an odd one.
        assertThat(plan.extendedFor(comparison(effect(EffectVerdict.INCONCLUSIVE, 101.0)), 20).orElseThrow()
                .perCondition()).isEqualTo(10);
    }

    @Test
    void addsRoundsWhenAProbeHasTooFewForTheLevelOfItsMetrics() {
        RoundPlan plan = RoundPlan.of(io.clusterbench.score.ScoreFixturesAccess.emptySpec(),
                new Tuning.Reversibility(List.of("redis-config:cache"), List.of()));
        RoundSpread spread = RoundSpread.of(new double[] {1, 1, 1, 1, 1});
        MetricEffect tooFew = MetricEffect.without("llm.ttft_p99_ms", "ms", false, spread, spread,
                EffectVerdict.INCONCLUSIVE, "inconclusive: too few rounds (5 before, 5 after; a 99.4% interval (95%"
                        + " for the 8 compared metrics of its probe together) needs at least 6 of each)");

        RoundPlan more = plan.extendedFor(comparison(tooFew), 10).orElseThrow();

        assertThat(more.perCondition()).isEqualTo(10);
        assertThat(more.extension()).contains("llm.ttft_p99_ms (too few rounds for its interval)");
    }

    @Test
    void neverExtendsBeforeAfterRoundsWhichCannotGoBackToA() {
        RoundPlan plan = RoundPlan.of(io.clusterbench.score.ScoreFixturesAccess.emptySpec(),
                new Tuning.Reversibility(List.of("restart:lb"), List.of("restart:lb (a restart cannot be undone)")));

        assertThat(plan.extendedFor(comparison(effect(EffectVerdict.INCONCLUSIVE, 168.0)), 5)).isEmpty();
    }

    private static MetricEffect effect(EffectVerdict verdict, Double detectablePct) {
        RoundSpread spread = RoundSpread.of(new double[] {0.3, 0.4, 1.9, 0.35, 2.2});
        return new MetricEffect("cache.p99_ms", "ms", true, spread, spread, 0.0, -1.0, 1.0, 0.0, -70.0, 200.0,
                detectablePct, 0.5, 0.95, verdict, verdict.words());
    }

    private static RunComparison comparison(MetricEffect effect) {
        return new RunComparison("run-a", RunComparison.ALTERNATING, "ABBAABBAAB", 5, "alternating",
                List.of(effect), List.of(), false, false, "");
    }
}
