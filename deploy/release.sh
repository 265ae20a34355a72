#!/usr/bin/env bash
# Install a release and restart the dashboard: run as root on the server, from the new checkout.
#   sudo deploy/release.sh            (in /opt/heinola, after `git pull` or unpacking the release)
# The migration runs once, here, before any process serves the new code.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo -u heinola .venv/bin/pip install --quiet -r requirements.txt
# Back up first: a release that goes wrong is undone by restoring this file. The very first
# release has nothing to back up: run it with HEINOLA_FIRST_RELEASE=1.
install -d -o heinola -g heinola -m 0700 /var/backups/heinola
if [ "${HEINOLA_FIRST_RELEASE:-0}" != 1 ]; then
  sudo -u heinola bash -c 'set -a; . /etc/heinola/env; exec .venv/bin/python -m data_model backup --out "$0"' \
    "/var/backups/heinola/before-$(date +%Y%m%d-%H%M%S).zip"
fi
systemctl restart heinola-release.service
systemctl restart 'heinola@*.service'
systemctl --no-pager status 'heinola@*.service' | grep -E 'heinola@|Active:'
