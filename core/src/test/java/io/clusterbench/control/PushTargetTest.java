package io.clusterbench.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PushTargetTest {

    @Test
    void keepsTheBaseUrlWithItsPathPrefixWithoutATrailingSlash() throws ClusterBenchException {
        PushTarget target = PushTarget.parse("http://gateway.example:9091/prefix/", "--push");

        assertThat(target.base()).hasToString("http://gateway.example:9091/prefix");
        assertThat(target.shown()).isEqualTo("http://gateway.example:9091/prefix");
        assertThat(target.authorization()).isEmpty();
    }

    @Test
    void takesCredentialsOutOfTheUrlAndNeverShowsThem() throws ClusterBenchException {
        PushTarget target = PushTarget.parse("https://ci:s3cr%40t-pw@gateway.example:9091", "--push");

        assertThat(target.base()).hasToString("https://gateway.example:9091");
        assertThat(target.shown()).isEqualTo("https://***@gateway.example:9091").doesNotContain("s3cr");
        assertThat(target).hasToString(target.shown());
        assertThat(target.password()).hasValue("s3cr@t-pw");
        assertThat(target.authorization()).hasValue("Basic " + Base64.getEncoder()
                .encodeToString("ci:s3cr@t-pw".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "ftp://user:hunter2-secret@gateway:21 | must be an http:// or https:// URL",
        "gateway:9091 | must be an http:// or https:// URL",
        "http://user:hunter2-secret@/x | has no host name",
        "http://gateway:9091/?a=hunter2-secret | must not have a query",
        "http://gateway:9091/metrics/job/x | names a push path (/metrics/job/...)",
        "http://user:hunter2-secret@gate way:9091 | is not a URL (Illegal character in authority at index 7)",
        "'  ' | is empty"})
    void refusesWhatIsNotAPushgatewayBaseUrlWithoutQuotingIt(String url, String problem) {
        assertThatThrownBy(() -> PushTarget.parse(url, "--push"))
                .isInstanceOfSatisfying(ClusterBenchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.USAGE))
                .hasMessageStartingWith("--push " + problem)
                .message().doesNotContain("hunter2");
    }
}
