package io.clusterbench.spec;

import java.util.Arrays;
import java.util.Optional;

/** The comparison of a criterion, with its symbol as written in a spec. */
public enum Comparison {
    LESS_OR_EQUAL("<="),
    LESS("<"),
    GREATER_OR_EQUAL(">="),
    GREATER(">"),
    EQUAL("==");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written: {@code <=}, {@code <}, {@code >=}, {@code >} or {@code ==}. */
    public String symbol() {
        return symbol;
    }

    /** Whether {@code actual} satisfies {@code actual OP limit}. */
    public boolean test(double actual, double limit) {
        return switch (this) {
            case LESS_OR_EQUAL -> actual <= limit;
            case LESS -> actual < limit;
            case GREATER_OR_EQUAL -> actual >= limit;
            case GREATER -> actual > limit;
            case EQUAL -> actual == limit;
        };
    }

    /** Whether smaller values are better (an upper bound): {@code <=} and {@code <}. */
    public boolean isUpperBound() {
        return this == LESS_OR_EQUAL || this == LESS;
    }

    /** Whether larger values are better (a lower bound): {@code >=} and {@code >}. */
    public boolean isLowerBound() {
        return this == GREATER_OR_EQUAL || this == GREATER;
    }

    /** The comparison written with {@code symbol}, exactly. */
    public static Optional<Comparison> fromSymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
    }
}
