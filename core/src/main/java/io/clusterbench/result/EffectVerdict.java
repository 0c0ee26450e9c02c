package io.clusterbench.result;

import java.util.Locale;

/** What a comparison concludes about one metric: the only four answers it gives. */
public enum EffectVerdict {
    /** The 95% interval excludes no change and the change, the good way, is beyond the noise floor. */
    IMPROVED,
    /** As {@link #IMPROVED}, the bad way. */
    WORSE,
    /** Nothing beyond the noise floor: the result says how large a change the run could have detected. */
    NO_DETECTABLE_CHANGE,
    /** The run cannot tell: too few rounds, too noisy, or the conditions differed; the reason says which. */
    INCONCLUSIVE;

    /** "no detectable change", as reports print it. */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
