/**
 * Capacity search: the highest load a load probe's target sustains within an SLO, found by exponential growth and
 * bisection over steps measured in rounds, with its curve and a confidence statement.
 */
package io.clusterbench.capacity;
