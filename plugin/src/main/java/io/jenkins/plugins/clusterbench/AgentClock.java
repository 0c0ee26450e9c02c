package io.jenkins.plugins.clusterbench;

import hudson.FilePath;
import io.clusterbench.net.ClockExchange;
import io.clusterbench.result.ClockOffset;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import jenkins.security.MasterToSlaveCallable;

/**
 * Reads an agent's clock offset to the controller's over the remoting channel the build already has, the way
 * {@link ClockExchange} does over TCP for the CLI: the controller notes its time, asks the agent for its own, notes
 * its time again; of {@link ClockExchange#EXCHANGES} exchanges the one with the shortest round trip is kept. The
 * controller is the coordinator here, so that every shard of a Pipeline is measured against one clock.
 */
final class AgentClock extends MasterToSlaveCallable<Long, RuntimeException> {
    private static final long serialVersionUID = 1L;
    /** The coordinator's name in a shard's clock reading. */
    static final String CONTROLLER = "Jenkins controller";

    /** The agent's time, a remote call's only work, so that its round trip is the channel's. */
    @FunctionalInterface
    interface AgentTime {
        long micros() throws IOException, InterruptedException;
    }

    @Override
    public Long call() {
        return ClockExchange.micros(Instant.now());
    }

    /** The offset of the agent that holds {@code workspace} to this controller. */
    static ClockOffset read(FilePath workspace) throws IOException, InterruptedException {
        return read(() -> workspace.act(new AgentClock()), Clock.systemUTC());
    }

    /**
     * The offset of {@code agent}'s clock to {@code controller}: positive when the controller's clock is ahead, as
     * a CLI shard's offset to its coordinator is.
     */
    static ClockOffset read(AgentTime agent, Clock controller) throws IOException, InterruptedException {
        ClockOffset best = null;
        for (int i = 0; i < ClockExchange.EXCHANGES; i++) {
            long sent = ClockExchange.micros(controller.instant());
            long agentTime = agent.micros();
            long answered = ClockExchange.micros(controller.instant());
            // In NTP's terms the controller asks here, so the exchange gives agent - controller; a shard records
            // coordinator - shard.
            ClockOffset reverse = ClockOffset.fromExchange(CONTROLLER, sent, agentTime, agentTime, answered);
            if (best == null || reverse.roundTripMs() < best.roundTripMs()) {
                best = reverse;
            }
        }
        return new ClockOffset(CONTROLLER, -best.offsetMs(), best.roundTripMs(), best.measuredAt());
    }
}
