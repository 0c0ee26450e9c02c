/**
 * SSH to the cluster's hosts on sshj: verified host keys, key or password authentication, commands given as
 * argument lists (every argument quoted for a POSIX shell), bounded output, timeouts that kill the remote process,
 * and one reused connection per host within a run.
 */
package io.clusterbench.ssh;
