#!/usr/bin/env bash
# Creates .venv/ with Google's Python client, pinned in test/emulator-conformance/python/requirements.txt,
# for the emulator conformance suite's second client. Idempotent: quick when already up to date.
# The machines reach no Python index but their local one, so pip does not retry the public one.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=test/emulator-conformance/python/requirements.txt
stamp=.venv/.requirements.sha256
wanted=$(sha256sum "$requirements" | cut -d' ' -f1)
if [ -x .venv/bin/python ] && [ "$(cat "$stamp" 2>/dev/null)" = "$wanted" ]; then
  echo "Python test environment up to date (.venv/)"
  exit 0
fi
command -v python3 >/dev/null || { echo "python3 is missing; install Python 3.10 or newer (Debian: python3-venv)" >&2; exit 1; }
python3 -m venv .venv
.venv/bin/pip install --quiet --no-input --retries 0 -r "$requirements"
echo "$wanted" > "$stamp"
echo "Python test environment ready (.venv/)"
