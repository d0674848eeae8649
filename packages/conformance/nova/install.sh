#!/usr/bin/env bash
# Installs the local Nova the conformance suite runs against, from Debian's packages only (bookworm:
# Nova 26.2.2 = OpenStack Zed, microversions 2.1-2.93). Idempotent: does nothing when every package
# is already installed. Needs root (apt-get); says so and stops otherwise.
set -euo pipefail
packages=(python3-nova python3-placement python3-glance python3-pymysql rabbitmq-server mariadb-server)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "nova/install.sh: every package is installed (${packages[*]})"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "nova/install.sh: missing Debian packages ${missing[*]}; installing them needs root (apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# A package manager interrupted earlier (a cut-off session) leaves dpkg half-configured.
dpkg --configure -a >/dev/null 2>&1 || true
# Debian's maintainer scripts would start MariaDB and RabbitMQ as system services; the suite starts
# its own instances by PID, so deny service starts during the install.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
fi
trap '[ "$created_policy" = 1 ] && rm -f "$policy"' EXIT
start=$(date +%s)
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "nova/install.sh: installed ${missing[*]} in $(( $(date +%s) - start )) s"
