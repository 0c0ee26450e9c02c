package io.clusterbench.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Binds a load probe's {@code profile}: {@code steps} (a list of levels, each one knob and {@code for}) or a
 * {@code ramp} ({@code from}, {@code to}, {@code over}, optional {@code of}, and {@code stairs} or
 * {@code continuous}); see
 * {@link LoadProfile} and docs/probes.md.
 */
final class ProfileBinder {
    private static final String FOR = "for";
    private static final List<String> RAMP_KEYS = List.of("of", "from", "to", "over", "stairs", "continuous");

    private final Binding binding;
    private final ParameterType.Profile type;

    ProfileBinder(Binding binding, ParameterType.Profile type) {
        this.binding = binding;
        this.type = type;
    }

    /** The profile at {@code node}, or empty after reporting every problem. */
    Optional<LoadProfile> read(Node node, String path) {
        Optional<YamlMap> map = YamlMap.of(node, path, binding);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        YamlMap m = map.get();
        m.allow(List.of("steps", "ramp"));
        Optional<String> kind = m.exactlyOne(List.of("steps", "ramp"),
                "needs steps (a list of { " + type.knobs().get(0) + ": N, for: 10s }) or ramp ({ from: N, to: M, over: 30s })");
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return kind.get().equals("steps") ? steps(m) : m.section("ramp").flatMap(this::ramp);
    }

    private Optional<LoadProfile> steps(YamlMap m) {
        Optional<List<Node>> items = m.sectionList("steps");
        if (items.isEmpty()) {
            return Optional.empty();
        }
        Node stepsNode = m.get("steps").orElseThrow();
        if (items.get().isEmpty() || items.get().size() > LoadProfile.MAX_LEVELS) {
            binding.error(stepsNode, m.child("steps"), "must hold 1-" + LoadProfile.MAX_LEVELS + " steps, got "
                    + items.get().size());
            return Optional.empty();
        }
        int errorsBefore = binding.errorCount();
        String knob = null;
        List<LoadProfile.Level> levels = new ArrayList<>();
        for (int i = 0; i < items.get().size(); i++) {
            Optional<YamlMap> step = YamlMap.of(items.get().get(i), m.child("steps") + "[" + i + "]", binding);
            if (step.isEmpty()) {
                continue;
            }
            List<String> allowed = new ArrayList<>(type.knobs());
            allowed.add(FOR);
            step.get().allow(allowed);
            Optional<String> its = step.get().exactlyOne(type.knobs(), "needs one of " + Suggestions.orList(type.knobs())
                    + " and for");
            boolean hasLength = step.get().require(FOR);
            if (its.isEmpty() || !hasLength) {
                continue;
            }
            if (knob == null) {
                knob = its.get();
            } else if (!knob.equals(its.get())) {
                binding.error(step.get().keyNode(its.get()), step.get().child(its.get()), "every step must set "
                        + knob + ", as the first does: a profile varies one knob");
                continue;
            }
            Optional<Double> value = value(step.get(), its.get());
            Optional<Duration> length = step.get().duration(FOR);
            if (value.isPresent() && length.isPresent()) {
                levels.add(new LoadProfile.Level(value.get(), length.get()));
            }
        }
        return binding.errorCount() == errorsBefore ? Optional.of(new LoadProfile(knob, levels, false))
                : Optional.empty();
    }

    private Optional<LoadProfile> ramp(YamlMap r) {
        int errorsBefore = binding.errorCount();
        r.allow(RAMP_KEYS);
        String knob = r.choice("of", type.knobs()).orElse(type.knobs().get(0));
        boolean required = r.require("from") & r.require("to") & r.require("over");
        Optional<Double> from = required ? value(r, "from", knob) : Optional.empty();
        Optional<Double> to = required ? value(r, "to", knob) : Optional.empty();
        Optional<Duration> over = required ? r.duration("over") : Optional.empty();
        Optional<Long> stairs = r.whole("stairs", 2, LoadProfile.MAX_LEVELS);
        boolean continuous = r.flag("continuous").orElse(false);
        if (continuous) {
            checkContinuous(r, knob);
        }
        if (binding.errorCount() != errorsBefore || from.isEmpty() || to.isEmpty() || over.isEmpty()) {
            return Optional.empty();
        }
        if (continuous) {
            return Optional.of(LoadProfile.continuousRamp(knob, from.get(), to.get(), over.get()));
        }
        // One stair a second by default, within 2-MAX_LEVELS, so that a ramp is linear at a second's resolution.
        long count = stairs.orElse(Math.max(2, Math.min(LoadProfile.MAX_LEVELS, over.get().toSeconds())));
        return Optional.of(LoadProfile.ramp(knob, from.get(), to.get(), over.get(), (int) count,
                type.whole().contains(knob)));
    }

    /** A continuous ramp is of the first knob (a rate), of a probe that runs one, and has no stairs. */
    private void checkContinuous(YamlMap r, String knob) {
        Node at = r.keyNode("continuous");
        if (!type.continuous()) {
            binding.error(at, r.child("continuous"), "this probe runs a ramp as stairs only: remove continuous");
        } else if (!knob.equals(type.knobs().get(0))) {
            binding.error(at, r.child("continuous"), "only a ramp of " + type.knobs().get(0)
                    + " can be continuous: remove continuous, or ramp " + type.knobs().get(0));
        } else if (r.has("stairs")) {
            binding.error(r.keyNode("stairs"), r.child("stairs"), "a continuous ramp has no stairs: remove stairs"
                    + " or continuous");
        }
    }

    private Optional<Double> value(YamlMap m, String knob) {
        return value(m, knob, knob);
    }

    /** The number under {@code key}, within the limits of {@code knob}. */
    private Optional<Double> value(YamlMap m, String key, String knob) {
        Range range = type.ranges().get(type.knobs().indexOf(knob));
        if (type.whole().contains(knob)) {
            return m.whole(key, (long) range.min(), (long) range.max()).map(Long::doubleValue);
        }
        return m.number(key, range);
    }
}
