#!/usr/bin/env bash
# Builds the release app and serves it on http://127.0.0.1:8080 (installs what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
echo "Building the release app and serving it at http://127.0.0.1:8080/ (Ctrl-C stops it)"
exec trunk serve --release --skip-version-check --address 127.0.0.1 --port 8080 --no-autoreload
