#!/usr/bin/env bash
# Builds the VS Code extension into editors/vscode/beable.vsix (not committed):
#   editors/vscode/build.sh
# then install it with: code --install-extension editors/vscode/beable.vsix
set -euo pipefail
cd "$(dirname "$0")"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
npm run package
echo "built $(pwd)/beable.vsix"
