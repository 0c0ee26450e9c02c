/**
 * The http probe: {@link io.clusterbench.probe.http.HttpProbe} loads one HTTP endpoint in the open model (a fixed
 * rate, latency from each request's intended start) or the closed model (a fixed number of connections), over its
 * own small HTTP/1.1 client on non-blocking sockets, driven by one {@link io.clusterbench.probe.http.EventLoop} per
 * core.
 */
package io.clusterbench.probe.http;
