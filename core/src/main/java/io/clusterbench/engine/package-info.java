/** The one entry point that the command line and the Jenkins plugin call; it never points back at them. */
package io.clusterbench.engine;
