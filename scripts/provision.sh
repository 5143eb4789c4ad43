#!/usr/bin/env bash
# Installs the system packages the test suites drive for real (Ansible, OpenSSH server and client, and
# proot, with which the simulator maps /alt_inst for customization scripts when not run as root).
# As root it installs what is missing with apt-get; otherwise it says exactly what to install and fails,
# so that no suite is ever skipped because a tool is absent.
set -euo pipefail

declare -A PROVIDES=(
  [ansible-playbook]=ansible [ansible-galaxy]=ansible [ansible-doc]=ansible
  [sshd]=openssh-server [ssh]=openssh-client [ssh-keygen]=openssh-client
  [proot]=proot
)
OPTIONAL_PACKAGES=(ansible-lint)

missing=()
for tool in "${!PROVIDES[@]}"; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    missing+=("${PROVIDES[$tool]}")
  fi
done
optional=()
for pkg in "${OPTIONAL_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || optional+=("$pkg")
done
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')

if [ ${#missing[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if [ ${#missing[@]} -gt 0 ]; then
    echo "provision: the test suites need these Debian packages: ${missing[*]}" >&2
    echo "provision: install them with: sudo apt-get install -y ${missing[*]} ${optional[*]}" >&2
    exit 1
  fi
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
echo "provision: installing ${missing[*]} ${optional[*]}" >&2
apt-get update -qq
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ${#optional[@]} -gt 0 ]; then
  # ansible-lint is used when Debian can install it; its absence is reported by the lint test itself.
  apt-get install -y -qq --no-install-recommends "${optional[@]}" >/dev/null || echo "provision: could not install ${optional[*]}" >&2
fi
