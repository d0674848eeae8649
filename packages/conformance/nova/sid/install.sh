#!/usr/bin/env bash
# Installs Nova 34.0.0 (OpenStack 2026.1, microversions 2.1-2.104) and what it needs, from Debian
# unstable's packages, into a debootstrap chroot this script owns (default /var/tmp/novaspec-sid).
# The machine itself stays as it is: nothing is installed on the host except debootstrap.
#
# Idempotent: a chroot whose install completed (.novaspec-complete) is reused and only its package
# versions are printed. A chroot cut off during debootstrap is removed and made again; one cut off
# during apt-get is resumed. Writes .novaspec-ready as soon as python3-nova is installed and
# importable (other tools wait for that file to read Nova's schemas inside the chroot).
#
# Environment: NOVASPEC_SID_ROOT (the chroot folder). Exit status 3 means "sid could not be
# installed" (mirror unreachable, sid uninstallable for a while): the caller may fall back to Zed.
set -euo pipefail
ROOT=${NOVASPEC_SID_ROOT:-/var/tmp/novaspec-sid}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=chroot.sh
. "$here/chroot.sh"
step=start
fail() { echo "nova/sid/install.sh: $step: $1" >&2; exit "${2:-1}"; }

nova_packages=(python3-nova python3-pymysql)
service_packages=(python3-placement python3-glance mariadb-server rabbitmq-server python3-gunicorn)
# The standard CLI for tests that drive this Nova with `openstack` (sid's client knows 2.1-2.100+;
# bookworm's on the host stops at 2.90).
cli_packages=(python3-openstackclient)
all=("${nova_packages[@]}" "${service_packages[@]}" "${cli_packages[@]}")

versions() {
  chroot "$ROOT" dpkg-query -W -f='${Package} ${Version}\n' "${all[@]}" 2>/dev/null | tr '\n' ',' | sed 's/,$//; s/,/, /g'
}

if [ -f "$ROOT/.novaspec-complete" ]; then
  echo "nova/sid/install.sh: chroot $ROOT is complete: $(versions)"
  exit 0
fi
[ "$(id -u)" = 0 ] || fail "the chroot $ROOT is missing or incomplete; making it needs root (debootstrap, chroot, mount)"
export DEBIAN_FRONTEND=noninteractive
began=$(date +%s)

# The Debian mirror the host's apt already uses (the first deb822 URIs or one-line deb entry whose
# path ends in /debian), so this works wherever the host's apt works.
step="find the Debian mirror"
mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
  | sed -n -E 's#^URIs:[[:space:]]*([^[:space:]]+/debian)/?([[:space:]].*)?$#\1#p; s#^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?([^[:space:]]+/debian)/?[[:space:]].*#\2#p' \
  | head -n 1 || true)
[ -n "$mirror" ] || fail "no Debian mirror in /etc/apt/sources.list*"

step="install debootstrap on the host"
if ! command -v debootstrap >/dev/null; then
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; } || fail "apt-get install debootstrap failed" 3
fi

step="debootstrap sid"
if [ ! -f "$ROOT/.novaspec-debootstrap" ]; then
  # Nothing else writes this folder: a partial debootstrap is not resumable, so start over.
  chroot_unmount "$ROOT"
  rm -rf --one-file-system "$ROOT"
  t=$(date +%s)
  debootstrap --variant=minbase --include=ca-certificates sid "$ROOT" "$mirror" >/var/tmp/novaspec-sid-debootstrap.log 2>&1 \
    || { tail -n 20 /var/tmp/novaspec-sid-debootstrap.log >&2; fail "debootstrap failed (log: /var/tmp/novaspec-sid-debootstrap.log)" 3; }
  echo "nova/sid/install.sh: debootstrap sid took $(( $(date +%s) - t )) s"
  touch "$ROOT/.novaspec-debootstrap"
fi

step="configure apt and services in the chroot"
# Packages must not start MariaDB or RabbitMQ as system services: start.sh runs its own, by PID.
printf '#!/bin/sh\nexit 101\n' > "$ROOT/usr/sbin/policy-rc.d"
chmod +x "$ROOT/usr/sbin/policy-rc.d"
echo "deb $mirror sid main" > "$ROOT/etc/apt/sources.list"
cat > "$ROOT/etc/apt/apt.conf.d/90novaspec" <<'CONF'
APT::Install-Recommends "false";
// sid's Release files are refreshed daily; a mirror snapshot may be older than Valid-Until.
Acquire::Check-Valid-Until "false";
Acquire::Retries "3";
CONF
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true

# /proc and /dev only while apt-get runs (maintainer scripts need them); unmounted on the way out.
chroot_mount "$ROOT"
trap 'chroot_unmount "$ROOT"' EXIT
in_root() { chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"; }
apt_install() {
  local what=$1; shift
  step="apt-get install $what"
  local t; t=$(date +%s)
  in_root dpkg --configure -a >/dev/null 2>&1 || true
  in_root apt-get install -y -q "$@" >>/var/tmp/novaspec-sid-apt.log 2>&1 \
    || { tail -n 20 /var/tmp/novaspec-sid-apt.log >&2; fail "apt-get install $* failed (log: /var/tmp/novaspec-sid-apt.log)" 3; }
  echo "nova/sid/install.sh: $what installed in $(( $(date +%s) - t )) s"
}

step="apt-get update"
in_root apt-get update -q >/var/tmp/novaspec-sid-apt.log 2>&1 || { tail -n 20 /var/tmp/novaspec-sid-apt.log >&2; fail "apt-get update failed" 3; }
apt_install "Nova" "${nova_packages[@]}"
step="import nova"
in_root python3 -c 'import nova.api.openstack.api_version_request as v; print(v._MAX_API_VERSION)' >/dev/null \
  || fail "python3-nova is installed but 'import nova' fails" 3
touch "$ROOT/.novaspec-ready"
apt_install "the services" "${service_packages[@]}"
apt_install "the CLI" "${cli_packages[@]}"
in_root apt-get clean
max=$(in_root python3 -c 'import nova.api.openstack.api_version_request as v; print(v._MAX_API_VERSION)')
touch "$ROOT/.novaspec-complete"
echo "nova/sid/install.sh: chroot $ROOT ready in $(( $(date +%s) - began )) s (Nova's max microversion $max): $(versions)"
