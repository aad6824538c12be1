#!/usr/bin/env bash
# Renders the app icon and the tray icons from their SVG sources with headless Chromium.
# Usage: bash build/render-icons.sh   (needs /usr/bin/chromium or CHROMIUM=/path/to/chromium)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-/usr/bin/chromium}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

render() { # svg-file size out-png
  printf '<html><body style="margin:0;background:transparent"><img src="file://%s" width="%s" height="%s" style="display:block"></body></html>' \
    "$1" "$2" "$2" >"$work/page.html"
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$2,$2" --screenshot="$3" "file://$work/page.html" >/dev/null 2>&1
}

render "$here/icon.svg" 512 "$here/icon.png"
for state in idle syncing waiting-for-quota offline error needs-reconnect; do
  render "$here/tray/$state.svg" 16 "$here/tray/$state.png"
  render "$here/tray/$state.svg" 32 "$here/tray/$state@2x.png"
done
