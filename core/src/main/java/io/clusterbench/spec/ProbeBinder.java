package io.clusterbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds the {@code probes:} section: works out each probe's kind (from its service's type or its {@code type:}),
 * then checks its parameters against that kind's table.
 */
final class ProbeBinder {

    static final List<String> STRUCTURAL = List.of("type", "service", "host", "hosts");
    private static final List<String> ON_SERVICE = List.of("type", "service");
    private static final List<String> ON_HOSTS = List.of("type", "host", "hosts");

    /** Probes that bound cleanly and every declared id. */
    record Probes(Map<String, ProbeSpec> valid, Set<String> ids) {
    }

    private final Binding binding;
    private final HostBinder.Hosts hosts;
    private final ServiceBinder.Services services;

    ProbeBinder(Binding binding, HostBinder.Hosts hosts, ServiceBinder.Services services) {
        this.binding = binding;
        this.hosts = hosts;
        this.services = services;
    }

    /** Every declared id, even of a probe with errors, so that references to it are not reported a second time. */
    static Set<String> declaredIds(Optional<YamlMap> section) {
        return section.map(s -> (Set<String>) new LinkedHashSet<>(s.keys())).orElseGet(LinkedHashSet::new);
    }

    Probes bind(Optional<YamlMap> section) {
        Map<String, ProbeSpec> valid = new LinkedHashMap<>();
        Set<String> ids = declaredIds(section);
        section.ifPresent(probes -> {
            for (String id : probes.keys()) {
                int errorsBefore = binding.errorCount();
                Values.checkId(probes.keyNode(id), probes.child(id), id, binding);
                Optional<ProbeSpec> probe = YamlMap.of(probes.get(id).orElseThrow(), probes.child(id), binding)
                        .flatMap(m -> probe(id, m, probes.keyNode(id)));
                if (binding.errorCount() == errorsBefore) {
                    probe.ifPresent(p -> valid.put(id, p));
                }
            }
        });
        return new Probes(valid, ids);
    }

    private Optional<ProbeSpec> probe(String id, YamlMap m, Node at) {
        int errorsBefore = binding.errorCount();
        Optional<ProbeKind> kind = kind(m);
        List<String> allKeys = Stream.concat(STRUCTURAL.stream(), ParameterRegistry.allProbeParameters().stream())
                .distinct().toList();
        if (kind.isEmpty()) {
            m.allow(allKeys);
            return Optional.empty();
        }
        ParameterTable table = ParameterRegistry.probe(kind.get());
        List<String> allowed = Stream.concat((kind.get().onHosts() ? ON_HOSTS : ON_SERVICE).stream(),
                table.names().stream()).toList();
        m.allow(allowed, allKeys, article(kind.get()) + " probe");
        List<String> hostIds = kind.get().onHosts() ? hostIds(m) : List.of();
        Optional<Parameters> parameters = new ParameterBinder(binding,
                new ParameterBinder.Known(hosts.ids(), Set.of())).bind(m, table);
        if (binding.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        Optional<String> service = kind.get().onHosts() ? Optional.empty() : m.text("service");
        ProbeSpec probe = new ProbeSpec(id, kind.get(), service, hostIds, parameters.orElseThrow(),
                binding.locate(at));
        if (table.parameter("capacity").isPresent()) {
            new CapacityBinder(binding).check(m, probe);
        }
        if (kind.get() == ProbeKind.REDIS) {
            new RedisLoadBinder(binding).check(m, probe);
        }
        return binding.errorCount() == errorsBefore ? Optional.of(probe) : Optional.empty();
    }

    private static String article(ProbeKind kind) {
        return ServiceBinder.article(kind.word()) + " " + kind.word();
    }

    /** The probe's kind, or empty after reporting why it cannot be known. */
    private Optional<ProbeKind> kind(YamlMap m) {
        Optional<ProbeKind> given = m.choice("type", ProbeKind.words()).flatMap(ProbeKind::fromWord);
        if (m.has("type") && given.isEmpty()) {
            return Optional.empty();
        }
        if (!m.has("service")) {
            if (given.isEmpty()) {
                m.missing("needs service (the id of a service), or type: host or type: gpu with hosts");
            } else if (!given.get().onHosts()) {
                m.missing(article(given.get()) + " probe needs service: the id of "
                        + ServiceBinder.article(serviceWord(given.get())) + " " + serviceWord(given.get()) + " service");
                return Optional.empty();
            }
            return given;
        }
        Node serviceNode = m.get("service").orElseThrow();
        if (given.isPresent() && given.get().onHosts()) {
            binding.error(m.keyNode("service"), m.child("service"), article(given.get())
                    + " probe measures hosts over SSH and takes no service; name them with hosts: [ids]");
            return Optional.empty();
        }
        Optional<String> service = m.text("service").filter(s -> Suggestions.checkReference(binding, serviceNode,
                m.child("service"), "service", "services", s, services.ids()));
        if (service.isEmpty()) {
            return Optional.empty();
        }
        ServiceType type = services.types().get(service.get());
        if (type == null) {
            return Optional.empty(); // the service's own type is wrong, and reported there
        }
        if (given.isPresent() && given.get() != type.probeKind()) {
            binding.error(m.get("type").orElseThrow(), m.child("type"), "type " + given.get().word()
                    + " contradicts service '" + service.get() + "', " + ServiceBinder.article(type.word()) + " "
                    + type.word() + " service, which is probed as " + type.probeKind().word());
            return Optional.empty();
        }
        return Optional.of(type.probeKind());
    }

    private static String serviceWord(ProbeKind kind) {
        return Stream.of(ServiceType.values()).filter(t -> t.probeKind() == kind).findFirst()
                .map(ServiceType::word).orElse(kind.word());
    }

    private List<String> hostIds(YamlMap m) {
        Optional<String> which = m.exactlyOne(List.of("hosts", "host"),
                "needs hosts: [host ids] (or host: id) naming the hosts to measure");
        List<String> ids = new ArrayList<>();
        if (which.isEmpty()) {
            return ids;
        }
        if (which.get().equals("host")) {
            m.text("host").filter(h -> Suggestions.checkReference(binding, m.get("host").orElseThrow(),
                    m.child("host"), "host", "hosts", h, hosts.ids())).ifPresent(ids::add);
            return ids;
        }
        Node list = m.get("hosts").orElseThrow();
        Values.textList(list, m.child("hosts"), binding, true).ifPresent(names -> {
            List<Node> items = Values.list(list, m.child("hosts"), binding).orElseThrow();
            for (int i = 0; i < names.size(); i++) {
                String path = m.child("hosts") + "[" + i + "]";
                String name = names.get(i);
                if (ids.contains(name)) {
                    binding.error(items.get(i), path, "host '" + name + "' is listed twice");
                } else if (Suggestions.checkReference(binding, items.get(i), path, "host", "hosts", name,
                        hosts.ids())) {
                    ids.add(name);
                }
            }
        });
        return ids;
    }
}
