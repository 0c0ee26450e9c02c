/** The Jenkins plugin: Pipeline steps and build actions that wire Cluster Bench's core into Jenkins; no logic. */
package io.jenkins.plugins.clusterbench;
