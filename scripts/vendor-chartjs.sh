#!/bin/sh
# Fetches Chart.js (a pinned version) from the npm registry with npm, checks the package's integrity
# (npm verifies the registry's sha512), and copies its UMD build, the build's source map (the build
# names it, and collectstatic's manifest needs every file a static file refers to) and the licence
# into static/vendor/.
# The product serves the chart library from its own static files: no CDN, CSP 'self' only.
# Run from anywhere; prints the sha256 of the copied files so a reviewer can compare them.
set -eu
VERSION="${CHARTJS_VERSION:-4.6.1}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
npm pack --silent "chart.js@$VERSION" >/dev/null
tar -xzf "chart.js-$VERSION.tgz"
cp package/dist/chart.umd.min.js "$ROOT/static/vendor/chart.umd.min.js"
cp package/dist/chart.umd.min.js.map "$ROOT/static/vendor/chart.umd.min.js.map"
cp package/LICENSE.md "$ROOT/static/vendor/chart.js.LICENSE.md"
printf 'Chart.js %s from https://registry.npmjs.org/chart.js/-/chart.js-%s.tgz\n' "$VERSION" "$VERSION" \
  > "$ROOT/static/vendor/chart.js.VERSION"
cd "$ROOT/static/vendor"
sha256sum chart.umd.min.js chart.umd.min.js.map chart.js.LICENSE.md | tee -a chart.js.VERSION
