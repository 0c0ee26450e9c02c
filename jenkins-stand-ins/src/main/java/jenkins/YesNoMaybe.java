package jenkins;

/** Stand-in (compile only) of the tri-state enum used by {@code @Extension(dynamicLoadable)}; jenkins-api.md §2.5. */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
