#!/usr/bin/env bash
# Prints the .deb's Depends for a frozen bundle: the Debian packages that hold every shared
# library the bundle's programs and libraries need but do not carry (found with readelf and
# dpkg -S on this build machine), and libc6 at least as new as the newest symbol they use.
# Libraries that only optional plugins need and this machine lacks (GTK for the GTK theme
# plugin) are left out: the .deb recommends them.
set -euo pipefail
BUNDLE=$1
mapfile -t elves < <(find "$BUNDLE" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c \
  'head -c4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
declare -A carried=()
while read -r name; do carried[$name]=1; done < <(find "$BUNDLE" \( -type f -o -type l \) -name '*.so*' -printf '%f\n')

needed=$(for elf in "${elves[@]}"; do readelf -d "$elf" 2>/dev/null | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'; done | sort -u)
packages=()
for soname in $needed; do
  [ -n "${carried[$soname]:-}" ] && continue
  path=$(ldconfig -p | awk -v n="$soname" '$1 == n && /x86-64|AArch64|64bit/ {print $NF; exit}')
  [ -z "$path" ] && path=$(ldconfig -p | awk -v n="$soname" '$1 == n {print $NF; exit}')
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
