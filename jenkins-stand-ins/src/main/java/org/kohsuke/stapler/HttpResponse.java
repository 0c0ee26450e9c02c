package org.kohsuke.stapler;

/** Stand-in (compile only) of something a web method returns; its one method is left out (nothing here implements it). */
public interface HttpResponse {
}
