package hudson.model;

/** Stand-in (compile only) of an item at the top of Jenkins' tree; needed as the bound of createProject. */
public interface TopLevelItem extends Item {
}
