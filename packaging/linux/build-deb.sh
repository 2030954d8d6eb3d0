#!/usr/bin/env bash
# Builds the .deb from the frozen bundle: the app under /opt/second-opinion-organizer, the two
# launchers on PATH, the menu entry, hicolor icons, AppStream metainfo and the Debian docs.
# Usage: build-deb.sh BUNDLE_DIR ICONS_DIR OUT_DIR VERSION
set -euo pipefail
BUNDLE=$1 ICONS=$2 OUT=$3 VERSION=$4
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NAME=second-opinion-organizer
APP_ID=org.secondopinion.Organizer
PROJECT_URL=${PROJECT_URL:-https://example.org/second-opinion-organizer}
MAINTAINER=${MAINTAINER:-Second Opinion Organizer maintainers <maintainers@example.org>}
ARCH=$(dpkg --print-architecture)
DATE=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git -C "$ROOT" log -1 --format=%ct 2>/dev/null || date +%s)}" +%Y-%m-%d)
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

# The app itself, readable by everyone (PyInstaller keeps the build's umask).
install -d "$STAGE/opt"
cp -a "$BUNDLE" "$STAGE/opt/$NAME"
chmod -R u=rwX,go=rX "$STAGE/opt/$NAME"
find "$STAGE/opt/$NAME" -name '*.so*' -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/opt/$NAME/organizer"

# Launchers: the same program; with no command it opens the window.
install -d "$STAGE/usr/bin"
ln -s "/opt/$NAME/organizer" "$STAGE/usr/bin/$NAME"
ln -s "/opt/$NAME/organizer" "$STAGE/usr/bin/organizer"

install -D -m 0644 "$HERE/$APP_ID.desktop" "$STAGE/usr/share/applications/$APP_ID.desktop"
sed -e "s|@VERSION@|$VERSION|g" -e "s|@DATE@|$DATE|g" -e "s|@PROJECT_URL@|$PROJECT_URL|g" \
  "$HERE/$APP_ID.metainfo.xml.in" > "$STAGE/metainfo.xml"
install -D -m 0644 "$STAGE/metainfo.xml" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
rm "$STAGE/metainfo.xml"
for png in "$ICONS"/*/"$NAME.png"; do
  size=$(basename "$(dirname "$png")")
  install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/$size/apps/$NAME.png"
done
install -D -m 0644 "$ROOT/resources/icons/$NAME.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/$NAME.svg"

# Debian docs: copyright, changelog, manual pages, and the reasons for lintian's overrides.
DOC="$STAGE/usr/share/doc/$NAME"
install -d "$DOC" "$STAGE/usr/share/man/man1" "$STAGE/usr/share/lintian/overrides"
sed -e "s|@PROJECT_URL@|$PROJECT_URL|g" "$HERE/copyright" > "$DOC/copyright"
chmod 0644 "$DOC/copyright"
printf '%s (%s) unstable; urgency=medium\n\n  * Release %s, built with make package.\n\n -- %s  %s\n' \
  "$NAME" "$VERSION" "$VERSION" "$MAINTAINER" "$(date -u -R -d "$DATE")" | gzip -9n > "$DOC/changelog.gz"
for page in "$NAME" organizer; do
  sed -e "s|@NAME@|$page|g" -e "s|@VERSION@|$VERSION|g" -e "s|@DATE@|$DATE|g" "$HERE/organizer.1.in" \
    | gzip -9n > "$STAGE/usr/share/man/man1/$page.1.gz"
done
install -m 0644 "$HERE/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$NAME"

install -d "$STAGE/DEBIAN"
INSTALLED_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
DEPENDS=$(bash "$HERE/deb-depends.sh" "$STAGE/opt/$NAME")
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $NAME
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $INSTALLED_KB
Depends: $DEPENDS
Recommends: libgtk-3-0
Section: misc
Priority: optional
Homepage: $PROJECT_URL
Description: gather cancer records and build one packet for a second opinion
 For people with cancer, and the relatives who help them, who want a second
 opinion. Keeps medical records (PDFs, photos and scans, patient-portal
 downloads, imaging discs) in an encrypted vault on this computer, shows which
 records a second-opinion doctor needs are still missing, and builds one PDF
 packet to email, print or copy to a USB stick. Nothing is sent anywhere.
EOF
mkdir -p "$OUT"
DEB="$OUT/${NAME}_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" >/dev/null
echo "build-deb: $DEB ($(du -h "$DEB" | cut -f1))"
