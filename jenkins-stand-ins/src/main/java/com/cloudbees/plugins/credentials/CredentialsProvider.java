package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Stand-in (compile only) of the credentials plugin's lookup entry point; jenkins-api.md §2.6. IconSpec is left out.
 * The permission constant is never initialised here: loading this class throws.
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {

    public static final Permission USE_ITEM = standIn();

    private static Permission standIn() {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    public static <C extends IdCredentials> C findCredentialByIdInItem(String id, Class<C> type, Item item,
            Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }

    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(Run build, C credentials) {
        throw new UnsupportedOperationException("stand-in: compile only");
    }
}
