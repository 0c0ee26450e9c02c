package io.clusterbench.score;

import io.clusterbench.result.HistoryWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HistoryWindowTest {

    @Test
    void readsLastPassingWithItsCount() {
        assertThat(HistoryWindow.parse("lastPassing:5")).isEqualTo(new HistoryWindow(true, 5));
    }

    @Test
    void readsLastAsCountingUnstableBuildsToo() {
        assertThat(HistoryWindow.parse(" last:3 ")).isEqualTo(new HistoryWindow(false, 3));
    }

    @Test
    void blankMeansTheFiveLastPassingBuilds() {
        assertThat(HistoryWindow.parse("")).isEqualTo(new HistoryWindow(true, 5));
        assertThat(HistoryWindow.parse(null).toString()).isEqualTo("lastPassing:5");
    }

    @Test
    void noneTakesNoBuilds() {
        assertThat(HistoryWindow.parse("none").count()).isZero();
        assertThat(HistoryWindow.parse("NONE").toString()).isEqualTo("none");
    }

    @Test
    void refusesAnUnknownFormAndSaysWhatIsAccepted() {
        assertThatThrownBy(() -> HistoryWindow.parse("previous:2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'previous:2'").hasMessageContaining("lastPassing:N");
    }

    @Test
    void refusesACountOutOfRange() {
        assertThatThrownBy(() -> HistoryWindow.parse("last:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HistoryWindow.parse("last:51")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HistoryWindow.parse("last:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
