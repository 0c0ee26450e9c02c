/**
 * The {@code redis-config} tuning action: CONFIG SET of allow-listed parameters, checked before sending, read back
 * with CONFIG GET in Redis's own form, optionally saved with CONFIG REWRITE, rolled back to the values read before.
 */
package io.clusterbench.tune.redis;
