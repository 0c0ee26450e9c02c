package io.clusterbench.probe.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    @Test
    void readsDataEventsAndSkipsCommentsAndOtherFields() throws IOException {
        List<String> events = read(stream(": ping\n\nevent: x\nid: 3\ndata: {\"a\":1}\n\ndata:[DONE]\n\n"), new AtomicInteger());

        assertThat(events).containsExactly("{\"a\":1}", "[DONE]");
    }

    @Test
    void acceptsCrlfLineEndsAndJoinsMultiLineData() throws IOException {
        List<String> events = read(stream("data: one\r\ndata: two\r\n\r\ndata: three\r\n\r\n"), new AtomicInteger());

        assertThat(events).containsExactly("one\ntwo", "three");
    }

    @Test
    void deliversALastEventThatLacksItsBlankLine() throws IOException {
        assertThat(read(stream("data: a\n\ndata: b"), new AtomicInteger())).containsExactly("a", "b");
    }

    @Test
    void decodesAMultiByteCharacterSplitAcrossReads() throws IOException {
        AtomicInteger reads = new AtomicInteger();
        InputStream oneByteAtATime = new FilterInputStream(stream("data: {\"text\":\" café ☕\"}\n\n")) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(1, length));
            }
        };

        assertThat(read(oneByteAtATime, reads)).containsExactly("{\"text\":\" café ☕\"}");
        assertThat(reads.get()).isGreaterThan(20);
    }

    @Test
    void stampsAnEventWhenItsDataArrived() throws IOException {
        long before = System.nanoTime();
        SseReader.Event event = new SseReader(stream("data: x\n\n"), () -> { }).next();

        assertThat(event.arrivedNanos()).isBetween(before, System.nanoTime());
    }

    private static List<String> read(InputStream in, AtomicInteger reads) throws IOException {
        SseReader reader = new SseReader(in, reads::incrementAndGet);
        List<String> events = new ArrayList<>();
        SseReader.Event event;
        while ((event = reader.next()) != null) {
            events.add(event.data());
        }
        return events;
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
