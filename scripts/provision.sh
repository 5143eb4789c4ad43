#!/usr/bin/env bash
# Installs the system packages the test suites drive for real (Ansible and ansible-lint, OpenSSH server and client, and
# proot, with which the simulator maps /alt_inst for customization scripts when not run as root), and Chromium with
# the Kerberos headers for the VS Code suites (code-server itself comes from npm: scripts/provision-vscode.sh).
# As root it installs what is missing with apt-get; otherwise it says exactly what to install and fails,
# so that no suite is ever skipped because a tool is absent.
set -euo pipefail

declare -A PROVIDES=(
  [ansible-playbook]=ansible [ansible-galaxy]=ansible [ansible-doc]=ansible
  [sshd]=openssh-server [ssh]=openssh-client [ssh-keygen]=openssh-client
  [proot]=proot [ansible-lint]=ansible-lint
  [chromium]=chromium [krb5-config.mit]=libkrb5-dev
)

missing=()
for tool in "${!PROVIDES[@]}"; do
  if ! command -v "$tool" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$tool" ]; then
    missing+=("${PROVIDES[$tool]}")
  fi
done
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u | sed '/^$/d')

if [ ${#missing[@]} -eq 0 ]; then
  exec bash "$(dirname "$0")/provision-vscode.sh"
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "provision: the test suites need these Debian packages: ${missing[*]}" >&2
  echo "provision: install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "provision: installing ${missing[*]}" >&2
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
exec bash "$(dirname "$0")/provision-vscode.sh"
