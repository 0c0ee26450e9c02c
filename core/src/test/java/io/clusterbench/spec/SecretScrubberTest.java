package io.clusterbench.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the one scrubber removes from text servers and commands produced. */
class SecretScrubberTest {

    @Test
    void removesEveryKnownValueAndWellKnownTokenShapes() {
        SecretScrubber scrubber = new SecretScrubber();
        scrubber.add("s3cret-redis-pw");
        scrubber.add("ab"); // too short to scrub without wrecking the text

        assertThat(scrubber.scrub("WRONGPASS for s3cret-redis-pw at ab")).isEqualTo("WRONGPASS for *** at ab");
        assertThat(scrubber.scrub("401: {\"error\": \"bad header Authorization: Bearer sk-live-abcdef123456\"}"))
                .doesNotContain("sk-live-abcdef123456").contains("Authorization: ***");
        assertThat(scrubber.scrub("got Bearer eyJhbGciOiJIUzI1NiJ9.e30.x9")).isEqualTo("got Bearer ***");
        assertThat(scrubber.scrub("key sk-proj-0123456789abcdef")).isEqualTo("key sk-***");
        assertThat(scrubber.scrub("url?api_key=abcd1234efgh&x=1")).isEqualTo("url?api_key=***&x=1");
        assertThat(scrubber.scrub("{\"x-chroma-token\": \"tok-998877\"}")).doesNotContain("tok-998877");
        assertThat(scrubber.scrub("p99 is 2.3 ms, 12 errors")).isEqualTo("p99 is 2.3 ms, 12 errors");
        assertThat(scrubber.scrub((String) null)).isNull();
    }

    @Test
    void aPemKeyIsRemovedLineByLineToo() {
        SecretScrubber scrubber = new SecretScrubber();
        scrubber.add("-----BEGIN KEY-----\nAAAABBBBCCCCDDDD\nEEEEFFFFGGGGHHHH\n-----END KEY-----");

        assertThat(scrubber.scrub("echoed: EEEEFFFFGGGGHHHH")).isEqualTo("echoed: ***");
    }
}
