package io.clusterbench.probe.redis;

import java.util.OptionalDouble;
import org.HdrHistogram.Histogram;

/**
 * What the open model's measured part sent, and what its clients could carry.
 *
 * @param sent commands written to a connection
 * @param late of those, the ones written more than {@link Schedule#LATE_NANOS} after their intended time
 * @param generatorLate of the late ones, those whose connection was free at their intended time
 * @param sendingNanos the sending window: until the last send, and at least what the rate needs for them
 * @param service each answered batch's service time, from its actual send to its last reply, in µs
 * @param clients the connections that took part, each with one batch in flight at most
 * @param pipeline the commands of a batch
 */
record Sending(long sent, long late, long generatorLate, long sendingNanos, Histogram service, int clients,
        int pipeline) {

    /**
     * What the clients of an open load sent, together.
     *
     * @param measuredFrom when the measured part began ({@link System#nanoTime()})
     * @param rate the load's commands a second
     */
    static Sending of(LoadClient[] clients, long measuredFrom, double rate, int pipeline) {
        long sent = 0;
        long late = 0;
        long generatorLate = 0;
        long lastSend = 0;
        Histogram service = new Histogram(RedisLoad.MAX_MICROS, 3);
        int connected = 0;
        for (LoadClient client : clients) {
            service.add(client.record().service());
            connected += client.connected() ? 1 : 0;
            Schedule schedule = client.schedule();
            sent += schedule.sentCommands();
            late += schedule.lateCommands();
            generatorLate += schedule.generatorLateCommands();
            lastSend = schedule.lastSend() == 0 ? lastSend : lastSend == 0 ? schedule.lastSend()
                    : Math.max(lastSend, schedule.lastSend());
        }
        long window = Math.max(lastSend == 0 ? 0 : lastSend - measuredFrom, (long) (sent * 1e9 / rate));
        return new Sending(sent, late, generatorLate, Math.max(0, window), service, connected, pipeline);
    }

    /** Commands sent a second: below the rate when the generator (or a busy server) held sends back. */
    double sentPerSecond() {
        return sendingNanos > 0 ? sent * 1e9 / sendingNanos : 0;
    }

    /**
     * The most commands a second these clients can carry, by Little's law: {@code clients x pipeline} in flight,
     * each batch for the mean service time; empty when no batch was answered.
     */
    OptionalDouble carriedAtMost() {
        double meanMicros = service.getMean();
        return service.getTotalCount() == 0 || meanMicros <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) clients * pipeline * 1e6 / meanMicros);
    }

    /** Both parts of a profile's open load as one. */
    Sending plus(Sending other) {
        Histogram both = service.copy();
        both.add(other.service);
        return new Sending(sent + other.sent, late + other.late, generatorLate + other.generatorLate,
                sendingNanos + other.sendingNanos, both, Math.max(clients, other.clients), pipeline);
    }
}
