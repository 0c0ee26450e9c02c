/**
 * The {@code restart} action: restarts a container, a systemd unit or anything a command restarts, over SSH, then
 * waits until the service answers healthy by the check its type defines.
 */
package io.clusterbench.tune.restart;
