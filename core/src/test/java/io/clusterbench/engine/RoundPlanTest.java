package io.clusterbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

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
}
