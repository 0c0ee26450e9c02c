/**
 * Reading servers' answers within a deadline and a size cap, whatever the server sends; shared by the probes and the
 * health waits so that no read of a server's answer can hang or fill the memory.
 */
package io.clusterbench.net;
