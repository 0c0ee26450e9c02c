package io.clusterbench.spec;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;

/** Binds the {@code services:} section; which keys a service takes depends on its type. */
final class ServiceBinder {

    static final int DEFAULT_REDIS_PORT = 6379;
    /** The http service's option naming the CA certificates (PEM) its https url is checked against. */
    static final String CA_FILE = "caFile";

    private static final Map<ServiceType, List<String>> KEYS = new EnumMap<>(ServiceType.class);
    private static final Map<ServiceType, String> SECRET_KEY = new EnumMap<>(ServiceType.class);
    private static final Map<ServiceType, List<String>> OPTION_KEYS = new EnumMap<>(ServiceType.class);

    static {
        KEYS.put(ServiceType.REDIS, List.of("type", "host", "address", "port", "user", "password"));
        KEYS.put(ServiceType.HTTP, List.of("type", "url", "host", CA_FILE));
        KEYS.put(ServiceType.OPENAI, List.of("type", "url", "host", "model", "apiKey"));
        KEYS.put(ServiceType.CHROMA, List.of("type", "url", "host", "token", "collection", "tenant", "database"));
        KEYS.put(ServiceType.PROMETHEUS, List.of("type", "url", "host", "token"));
        SECRET_KEY.put(ServiceType.REDIS, "password");
        SECRET_KEY.put(ServiceType.OPENAI, "apiKey");
        SECRET_KEY.put(ServiceType.CHROMA, "token");
        SECRET_KEY.put(ServiceType.PROMETHEUS, "token");
        OPTION_KEYS.put(ServiceType.REDIS, List.of());
        OPTION_KEYS.put(ServiceType.HTTP, List.of());
        OPTION_KEYS.put(ServiceType.OPENAI, List.of("model"));
        OPTION_KEYS.put(ServiceType.CHROMA, List.of("collection", "tenant", "database"));
        OPTION_KEYS.put(ServiceType.PROMETHEUS, List.of());
    }

    static final List<String> ALL_KEYS = KEYS.values().stream().flatMap(List::stream).distinct().toList();

    /** Services that bound cleanly, the type of every service whose type was readable, and every declared id. */
    record Services(Map<String, ServiceSpec> valid, Map<String, ServiceType> types, Set<String> ids) {
    }

    private final Binding binding;
    private final Collection<String> hostIds;

    ServiceBinder(Binding binding, Collection<String> hostIds) {
        this.binding = binding;
        this.hostIds = hostIds;
    }

    Services bind(Optional<YamlMap> section) {
        Map<String, ServiceSpec> valid = new LinkedHashMap<>();
        Map<String, ServiceType> types = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        section.ifPresent(services -> {
            for (String id : services.keys()) {
                ids.add(id);
                int errorsBefore = binding.errorCount();
                Values.checkId(services.keyNode(id), services.child(id), id, binding);
                Optional<YamlMap> m = YamlMap.of(services.get(id).orElseThrow(), services.child(id), binding);
                Optional<ServiceType> type = m.flatMap(this::type);
                type.ifPresent(t -> types.put(id, t));
                Optional<ServiceSpec> service = m.flatMap(map -> service(id, map, type, services.keyNode(id)));
                if (binding.errorCount() == errorsBefore) {
                    service.ifPresent(s -> valid.put(id, s));
                }
            }
        });
        return new Services(valid, types, ids);
    }

    private Optional<ServiceType> type(YamlMap m) {
        return m.require("type") ? m.choice("type", ServiceType.words()).flatMap(ServiceType::fromWord)
                : Optional.empty();
    }

    private Optional<ServiceSpec> service(String id, YamlMap m, Optional<ServiceType> type, Node at) {
        int errorsBefore = binding.errorCount();
        if (type.isEmpty()) {
            m.allow(ALL_KEYS);
            return Optional.empty();
        }
        ServiceType t = type.get();
        m.allow(KEYS.get(t), ALL_KEYS, article(t.word()) + " " + t.word() + " service");
        Optional<String> host = m.text("host").filter(h ->
                Suggestions.checkReference(binding, m.get("host").orElseThrow(), m.child("host"), "host", "hosts", h,
                        hostIds));
        Optional<String> address = Optional.empty();
        OptionalInt port = OptionalInt.empty();
        Optional<URI> url = Optional.empty();
        Optional<String> user = Optional.empty();
        if (t == ServiceType.REDIS) {
            m.exactlyOne(List.of("host", "address"), "needs host (the id of a host) or address");
            address = m.get("address").flatMap(v -> Values.address(v, m.child("address"), binding));
            port = OptionalInt.of(m.whole("port", 1, 65535).orElse((long) DEFAULT_REDIS_PORT).intValue());
            user = m.text("user");
        } else if (m.require("url")) {
            url = m.url("url");
        }
        Optional<SecretRef> secret = Optional.ofNullable(SECRET_KEY.get(t)).flatMap(m::secret);
        Map<String, Object> options = new LinkedHashMap<>();
        for (String option : OPTION_KEYS.get(t)) {
            m.text(option).ifPresent(v -> options.put(option, v));
        }
        if (t == ServiceType.HTTP) {
            caFile(m, url).ifPresent(path -> options.put(CA_FILE, path.toString()));
        }
        if (binding.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new ServiceSpec(id, t, host, address, port, url, user, secret, options,
                binding.locate(at)));
    }

    /**
     * The http service's {@code caFile}, resolved against the spec's folder. A file that cannot be read now is only
     * a warning, as for secrets: the probe reads it when it runs, which may be on another machine.
     */
    private Optional<Path> caFile(YamlMap m, Optional<URI> url) {
        Optional<Path> path = m.filePath(CA_FILE);
        path.ifPresent(p -> {
            Node at = m.get(CA_FILE).orElseThrow();
            if (url.isPresent() && !"https".equalsIgnoreCase(url.get().getScheme())) {
                binding.warning(at, m.child(CA_FILE), "is used only for an https url, and url is "
                        + url.get().getScheme() + "; write url: https://... or remove caFile");
            }
            if (!Files.isReadable(SpecPaths.expandHome(p))) {
                binding.warning(at, m.child(CA_FILE), "cannot read " + p + " (it is read again when used)");
            }
        });
        return path;
    }

    // "http" is said letter by letter, "aitch-tee-tee-pee", so it takes "an" too.
    static String article(String word) {
        return Stream.of("a", "e", "i", "o", "u", "http").anyMatch(word::startsWith) ? "an" : "a";
    }
}
