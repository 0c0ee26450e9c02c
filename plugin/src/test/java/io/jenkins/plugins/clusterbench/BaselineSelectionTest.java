package io.jenkins.plugins.clusterbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaselineSelectionTest {

    @Test
    void readsLastPassingWithItsCount() {
        assertThat(BaselineSelection.parse("lastPassing:5")).isEqualTo(new BaselineSelection(true, 5));
    }

    @Test
    void readsLastAsCountingUnstableBuildsToo() {
        assertThat(BaselineSelection.parse(" last:3 ")).isEqualTo(new BaselineSelection(false, 3));
    }

    @Test
    void blankMeansTheFiveLastPassingBuilds() {
        assertThat(BaselineSelection.parse("")).isEqualTo(new BaselineSelection(true, 5));
        assertThat(BaselineSelection.parse(null).toString()).isEqualTo("lastPassing:5");
    }

    @Test
    void noneTakesNoBuilds() {
        assertThat(BaselineSelection.parse("none").count()).isZero();
        assertThat(BaselineSelection.parse("NONE").toString()).isEqualTo("none");
    }

    @Test
    void refusesAnUnknownFormAndSaysWhatIsAccepted() {
        assertThatThrownBy(() -> BaselineSelection.parse("previous:2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'previous:2'").hasMessageContaining("lastPassing:N");
    }

    @Test
    void refusesACountOutOfRange() {
        assertThatThrownBy(() -> BaselineSelection.parse("last:0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaselineSelection.parse("last:51")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BaselineSelection.parse("last:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
