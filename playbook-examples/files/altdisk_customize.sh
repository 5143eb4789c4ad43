#!/bin/sh
# Phase-2 customization script (alt_disk_copy -s): AIX runs it on the running system while the new
# rootvg's file systems are mounted under /alt_inst, after the updates are installed. Change files
# of the NEW system under /alt_inst only; the running system must stay as it is.
set -e

# Tell the users of the new system where it came from.
echo "This rootvg was updated on an alternate disk by altdisk on $(date '+%Y-%m-%d')." >> /alt_inst/etc/motd

# Site additions go here, for example:
#   cp -p /etc/ntp.conf /alt_inst/etc/ntp.conf
#   chmod 600 /alt_inst/etc/security/failedlogin
