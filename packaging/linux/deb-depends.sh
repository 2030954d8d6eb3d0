#!/usr/bin/env bash
# Prints the .deb's Depends for a frozen bundle: the Debian packages that hold every shared
# library the bundle's programs and libraries need but do not carry (found with readelf and
# dpkg -S on this build machine), and libc6 at least as new as the newest symbol they use.
# Libraries that only optional plugins need and this machine lacks (GTK for the GTK theme
# plugin) are left out: the .deb recommends them.
set -euo pipefail
BUNDLE=$1
# The GTK theme plugin is left out: it loads only where GTK is installed (recommended).
mapfile -t elves < <(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) ! -path '*/platformthemes/libqgtk3*' \
  -exec sh -c 'for f; do [ "$(head -c4 "$f" | tail -c3)" = ELF ] && echo "$f"; done' _ {} +)
declare -A carried=()
while read -r name; do carried[$name]=1; done < <(find "$BUNDLE" \( -type f -o -type l \) -name '*.so*' -printf '%f\n')

needed=$(for elf in "${elves[@]}"; do readelf -d "$elf" 2>/dev/null | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'; done | sort -u)
packages=()
cache=$(ldconfig -p)
for soname in $needed; do
  [ -n "${carried[$soname]:-}" ] && continue
  path=$(awk -v n="$soname" '$1 == n && !found { print $NF; found = 1 }' <<< "$cache")
  [ -z "$path" ] && continue  # optional plugin's library this machine lacks
  real=$(readlink -f "$path")
  package=$(dpkg -S "$path" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true)
  package=${package%%:*}
  [ -n "$package" ] && packages+=("$package")
done
glibc=$(for elf in "${elves[@]}"; do objdump -T "$elf" 2>/dev/null | grep -o 'GLIBC_[0-9.]*'; done \
  | sed 's/GLIBC_//' | sort -uV | tail -1)
printf '%s\n' "${packages[@]}" | grep -v '^libc6$' | sort -u \
  | sed '1i\'"libc6 (>= ${glibc:-2.31})" | paste -sd, | sed 's/,/, /g'
