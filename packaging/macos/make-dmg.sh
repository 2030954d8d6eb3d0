#!/usr/bin/env bash
# macOS disk image: the .app from packaging/organizer.spec and a link to /Applications, so the
# app is installed by dragging it across. Runs on a hosted macOS runner (installers.yml).
# Usage: make-dmg.sh VERSION
set -euo pipefail
cd "$(dirname "$0")/../.."
VERSION=$1
APP="dist/Second Opinion Organizer.app"
[ -d "$APP" ] || { echo "make-dmg: $APP is missing (run PyInstaller first)" >&2; exit 1; }
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
ARCH=$(uname -m)
DMG="dist/second-opinion-organizer-$VERSION-macos-$ARCH.dmg"
rm -f "$DMG"
hdiutil create -volname "Second Opinion Organizer" -srcfolder "$STAGE" -ov -format UDZO "$DMG"
echo "make-dmg: $DMG ($(du -h "$DMG" | cut -f1))"
