#!/usr/bin/env bash
# Installs, on Debian or Ubuntu, what building and testing Cluster Bench needs and is not there yet:
# a JDK (17 or newer), Maven, and the real servers the tests start privately (redis-server, OpenSSH sshd,
# nginx, prometheus, prometheus-node-exporter, prometheus-pushgateway), openssl (it makes the TLS tests'
# certificates), and Debian's chromium with its chromedriver, in which the report tests render the HTML reports. Installs nothing that is already present.
# Where Debian starts the packages' own services, the tests leave them alone: they start private instances on free
# loopback ports.
set -euo pipefail

missing=()
need() { # need COMMAND PACKAGE: queue PACKAGE when COMMAND is not found on PATH or in /usr/sbin
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || missing+=("$2")
}
need java default-jdk-headless
need javac default-jdk-headless
need mvn maven
need redis-server redis-server
need sshd openssh-server
need ssh-keygen openssh-client
need ssh openssh-client
need nginx nginx
need openssl openssl
need prometheus prometheus
need prometheus-node-exporter prometheus-node-exporter
need chromium chromium
need chromedriver chromium-driver
need prometheus-pushgateway prometheus-pushgateway

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: missing packages: $packages" >&2
  echo "install-deps: run this script as root, or install them with: apt-get install -y $packages" >&2
  exit 3
fi

echo "install-deps: installing $packages"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
# shellcheck disable=SC2086 # word splitting of the package list is intended
"${as_root[@]}" apt-get install -y -q --no-install-recommends $packages
