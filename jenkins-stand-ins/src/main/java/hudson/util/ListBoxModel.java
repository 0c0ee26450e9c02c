package hudson.util;

import java.util.ArrayList;
import org.kohsuke.stapler.HttpResponse;

/** Stand-in (compile only) of a drop-down list's options; jenkins-api.md §2.5. Members the plugin never calls are left out. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public ListBoxModel() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    /** Stand-in of one option. */
    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        Option(String name, String value) {
            throw new UnsupportedOperationException("stand-in: compile only");
        }
    }
}
