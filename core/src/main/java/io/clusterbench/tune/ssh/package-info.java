/**
 * The {@code ssh-command} action: a command given as an argument list, run on a host over SSH, with an optional
 * check command read before and after and an optional undo command for rollback.
 */
package io.clusterbench.tune.ssh;
