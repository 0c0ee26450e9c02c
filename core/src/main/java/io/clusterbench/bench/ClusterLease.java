package io.clusterbench.bench;

import io.clusterbench.ClusterBenchException;
import io.clusterbench.ClusterBenchException.Kind;
import io.clusterbench.net.BoundedResp;
import io.clusterbench.spec.ClusterSpec;
import io.clusterbench.spec.LeaseSettings;
import io.clusterbench.spec.SecretResolver;
import io.clusterbench.spec.ServiceSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * An exclusive lease on a cluster, so that two runs from any machines (CLI or Jenkins) never change or load the
 * same cluster at once: a Redis key {@code clusterbench:lease:<cluster>} on the spec's lease service, set only if
 * absent, with an expiry of {@link #TTL} that a heartbeat renews every {@link #HEARTBEAT}. A holder that crashes
 * stops renewing and its lease expires by itself within the TTL; one that ends deletes it, and only if it is still
 * its own. Redis is the one piece of shared state every cluster of this tool has and every run can reach with the
 * credentials it already holds; a lock file over SSH would need a host and shell rights the spec may not give.
 */
public final class ClusterLease implements AutoCloseable {
    /** How long a lease lives without a heartbeat: a crashed holder blocks others at most this long. */
    public static final Duration TTL = Duration.ofSeconds(30);
    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final int TIMEOUT_MILLIS = 3000;
    /** Jedis reads replies recursively; a hostile reply nests deeper than the stack, which is unwound when caught. */
    private static final String TOO_DEEP = "a reply nests arrays too deeply to read; is a Redis server listening"
            + " there?";
    private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final Jedis jedis;
    private final String key;
    private final String holder;
    private String note = "";
    private final ScheduledExecutorService heartbeat;

    private ClusterLease(Jedis jedis, String key, String holder) {
        this.jedis = jedis;
        this.key = key;
        this.holder = holder;
        if (jedis == null) {
            this.heartbeat = null;
            return;
        }
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "clusterbench-lease");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(this::renew, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A lease that holds nothing: the spec opted out, or names no redis service to hold one. */
    public static ClusterLease none() {
        return new ClusterLease(null, "", "");
    }

    /**
     * Takes the cluster's lease for {@code command}, waiting up to the spec's {@code leaseWait} while another run
     * holds it.
     *
     * @throws ClusterBenchException {@code BUSY} naming the holder (run, host, since when) when it stays held;
     *     {@code CONNECTION} when the lease service cannot be reached
     */
    public static ClusterLease take(ClusterSpec spec, SecretResolver secrets, String command, Clock clock,
            BooleanSupplier stopped) throws ClusterBenchException {
        LeaseSettings settings = spec.settings().lease();
        Optional<String> serviceId = settings.holderIn(spec);
        if (serviceId.isEmpty()) {
            return none();
        }
        ServiceSpec service = spec.services().get(serviceId.get());
        String key = "clusterbench:lease:" + spec.name();
        String holder = "command=" + command + "; host=" + hostname() + "; pid=" + ProcessHandle.current().pid()
                + "; since=" + clock.instant();
        Jedis jedis;
        try {
            jedis = connect(spec, service, secrets);
        } catch (ClusterBenchException e) {
            return unheld(e.getMessage());
        }
        long deadline = System.nanoTime() + settings.waitFor().toNanos();
        try {
            while (true) {
                String answer = jedis.set(key, holder, SetParams.setParams().nx().px(TTL.toMillis()));
                if ("OK".equals(answer)) {
                    return new ClusterLease(jedis, key, holder);
                }
                if (System.nanoTime() >= deadline || stopped.getAsBoolean()) {
                    String current = Optional.ofNullable(jedis.get(key)).orElse("a holder that just left");
                    jedis.close();
                    throw new ClusterBenchException(Kind.BUSY, "cluster '" + spec.name() + "' is leased by another"
                            + " run (" + current + ", key " + key + " on redis service '" + service.id() + "'); "
                            + (settings.waitFor().isZero() ? "" : "waited " + settings.waitFor().toSeconds() + " s; ")
                            + "wait for it to end, or set settings.leaseWait (such as 5m) to wait; a crashed"
                            + " holder's lease expires within " + TTL.toSeconds() + " s");
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        } catch (JedisException e) {
            jedis.close();
            return unheld("cannot take the lease of cluster '" + spec.name() + "' on redis service '"
                    + service.id() + "': " + BoundedResp.reason(e));
        } catch (StackOverflowError e) {
            jedis.close();
            return unheld("cannot take the lease of cluster '" + spec.name() + "' on redis service '"
                    + service.id() + "': " + TOO_DEEP);
        }
    }

    /**
     * Running on without a lease when its service cannot be reached: no other run can take it there either, and a
     * benchmark must still be able to show that the service is down.
     */
    private static ClusterLease unheld(String why) {
        ClusterLease lease = none();
        lease.note = why + "; running without a lease (no other run can take it while the service is unreachable)";
        return lease;
    }

    private static Jedis connect(ClusterSpec spec, ServiceSpec service, SecretResolver secrets)
            throws ClusterBenchException {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                .socketTimeoutMillis(TIMEOUT_MILLIS)
                .ssl(spec.probes().values().stream().filter(p -> p.service().equals(Optional.of(service.id())))
                        .anyMatch(RedisOtherClients::tls))
                .clientName("clusterbench-lease")
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        service.user().ifPresent(config::user);
        if (service.secret().isPresent()) {
            config.password(secrets.resolve(service.secret().get()));
        }
        String address = service.address().orElseGet(() -> spec.hosts().get(service.host().orElseThrow()).address());
        try {
            return BoundedResp.jedis(new HostAndPort(address, service.port().orElse(6379)), config.build(),
                    BoundedResp.Limits.small(Duration.ofMillis(TIMEOUT_MILLIS)));
        } catch (JedisException e) {
            throw new ClusterBenchException(Kind.CONNECTION, "cannot reach redis service '" + service.id()
                    + "' for the lease: " + BoundedResp.reason(e));
        } catch (StackOverflowError e) {
            throw new ClusterBenchException(Kind.CONNECTION, "cannot reach redis service '" + service.id()
                    + "' for the lease: " + TOO_DEEP);
        }
    }

    /** Why no lease is held although the spec asks for one (its service cannot be reached), or empty. */
    public String note() {
        return note;
    }

    /** Whether this lease holds a key (false for {@link #none()}). */
    public boolean held() {
        return jedis != null;
    }

    /** Who holds it, as other runs will read it. */
    public String holder() {
        return holder;
    }

    private synchronized void renew() {
        try {
            jedis.eval(RENEW, List.of(key), List.of(holder, String.valueOf(TTL.toMillis())));
        } catch (JedisException e) {
            // The next heartbeat tries again; a lease lost meanwhile expires, which is what a crashed holder does.
        }
    }

    @Override
    public synchronized void close() {
        if (jedis == null) {
            return;
        }
        heartbeat.shutdownNow();
        try {
            jedis.eval(RELEASE, List.of(key), List.of(holder));
        } catch (JedisException e) {
            // It expires within the TTL.
        } finally {
            jedis.close();
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
