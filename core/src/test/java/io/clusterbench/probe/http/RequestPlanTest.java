package io.clusterbench.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RequestPlanTest {

    @Test
    void encodesOneHttp11RequestWithHostLengthAndTheUsersHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("content-length", "999");
        RequestPlan plan = RequestPlan.of("lb", URI.create("http://10.0.0.69:8889/v1/q?x=1&y=%20"), "POST", headers,
                "{\"a\":\"é\"}", OptionalInt.empty(), Duration.ofSeconds(5));

        assertThat(new String(plan.bytes(), StandardCharsets.UTF_8)).isEqualTo("POST /v1/q?x=1&y=%20 HTTP/1.1\r\n"
                + "Host: 10.0.0.69:8889\r\n"
                + "User-Agent: clusterbench-http-probe\r\n"
                + "Accept: */*\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: 10\r\n"
                + "\r\n"
                + "{\"a\":\"é\"}");
        assertThat(plan.host()).isEqualTo("10.0.0.69");
        assertThat(plan.port()).isEqualTo(8889);
        assertThat(plan.tls()).isFalse();
    }

    @Test
    void recordsTheTargetWithoutUserInformationAndDefaultsPathAndPort() {
        RequestPlan plan = RequestPlan.of("lb", URI.create("https://ops:s3cret@lb.example:443"), "GET", Map.of(),
                "", OptionalInt.empty(), Duration.ofSeconds(5));

        assertThat(plan.target()).isEqualTo("https://lb.example:443/");
        assertThat(new String(plan.bytes(), StandardCharsets.ISO_8859_1))
                .startsWith("GET / HTTP/1.1\r\nHost: lb.example:443\r\n")
                .doesNotContain("s3cret")
                .doesNotContain("Content-Length");
        assertThat(plan.tls()).isTrue();
        assertThat(plan.port()).isEqualTo(443);
        assertThat(RequestPlan.of("lb", URI.create("http://[::1]/x"), "GET", Map.of(), "", OptionalInt.empty(),
                Duration.ofSeconds(1))).satisfies(ipv6 -> {
                    assertThat(ipv6.host()).isEqualTo("::1");
                    assertThat(ipv6.port()).isEqualTo(80);
                    assertThat(ipv6.address()).isEqualTo("[::1]:80");
                });
    }

    @Test
    void successIsAny2xxUnlessAnExactStatusIsExpected() {
        RequestPlan any = RequestPlan.of("lb", URI.create("http://h/"), "GET", Map.of(), "", OptionalInt.empty(),
                Duration.ofSeconds(1));
        RequestPlan exact = RequestPlan.of("lb", URI.create("http://h/"), "GET", Map.of(), "", OptionalInt.of(301),
                Duration.ofSeconds(1));

        assertThat(any.succeeds(200)).isTrue();
        assertThat(any.succeeds(204)).isTrue();
        assertThat(any.succeeds(301)).isFalse();
        assertThat(exact.succeeds(301)).isTrue();
        assertThat(exact.succeeds(200)).isFalse();
        assertThat(exact.expectation()).isEqualTo("301");
    }
}
