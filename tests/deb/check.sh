#!/usr/bin/env bash
# Inspects the Debian package the way a user's machine would use it:
#   tests/deb/check.sh PACKAGE.deb PROJECT.recimap
# - dpkg-deb: the package's name, dependencies and files (the binary in
#   /usr/bin, the desktop entry, the icon, the MIME type definition);
# - desktop-file-validate: the desktop entry is valid, opens files (%f/%F)
#   and declares application/x-recimap;
# - update-mime-database + gio (GLib's own MIME lookup) on the unpacked
#   package: a .recimap file is recognised as application/x-recimap by its
#   name, and by its contents (SQLite header + Recimap's application id)
#   when it has no extension — so a double-click opens it in Recimap.
set -euo pipefail
deb="$1" project="$2"
fail() { echo "deb check: $*" >&2; exit 1; }
for tool in dpkg-deb desktop-file-validate update-mime-database gio; do
  command -v "$tool" >/dev/null || fail "$tool is missing (packages dpkg, desktop-file-utils, shared-mime-info, libglib2.0-bin)"
done
[ -f "$deb" ] || fail "no package at $deb"

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = recimap ] || fail "package name is '$(field Package)', not recimap"
field Depends | grep -q 'libwebkit2gtk-4.1' || fail "Depends lacks libwebkit2gtk-4.1: $(field Depends)"

files="$(dpkg-deb --contents "$deb" | awk '{print $6}' | sed -E 's#^\.?/?#/#')"
has() { grep -qx "$1" <<<"$files" || fail "the package lacks $1"; }
has /usr/bin/recimap-app
has /usr/share/mime/packages/recimap.xml
desktop="$(grep -E '^/usr/share/applications/[^/]+\.desktop$' <<<"$files" | head -1)"
[ -n "$desktop" ] || fail "the package has no desktop entry"
grep -qE '^/usr/share/icons/hicolor/[0-9x@]+/apps/recimap-app\.png$' <<<"$files" || fail "the package has no hicolor icon"

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
dpkg-deb --extract "$deb" "$root"
[ -x "$root/usr/bin/recimap-app" ] || fail "/usr/bin/recimap-app is not executable"
entry="$root$desktop"
desktop-file-validate "$entry" || fail "desktop-file-validate rejects $desktop"
grep -qE '^MimeType=(.*;)?application/x-recimap;' "$entry" || fail "$desktop does not declare application/x-recimap: $(grep MimeType "$entry" || true)"
grep -qE '^Exec=recimap-app .*%[fFuU]' "$entry" || fail "$desktop does not pass the file to open: $(grep Exec "$entry")"

# The MIME database as the system would build it, plus the package's type.
mime="$root/usr/share/mime"
cp -r /usr/share/mime/packages/. "$mime/packages/"
XDG_DATA_DIRS="$root/usr/share" update-mime-database "$mime"
grep -q '^.*:application/x-recimap:\*\.recimap' "$mime/globs2" || fail "the MIME database has no *.recimap glob"
type_of() { XDG_DATA_DIRS="$root/usr/share" XDG_DATA_HOME="$root/nohome" gio info -a standard::content-type "$1" | sed -n 's/^ *standard::content-type: //p'; }
cp "$project" "$root/map.recimap"
cp "$project" "$root/map-without-extension"
[ "$(type_of "$root/map.recimap")" = application/x-recimap ] || fail "map.recimap is $(type_of "$root/map.recimap")"
[ "$(type_of "$root/map-without-extension")" = application/x-recimap ] || fail "a .recimap without its extension is $(type_of "$root/map-without-extension")"
printf 'SQLite format 3\0' > "$root/other.db"; head -c 84 /dev/zero >> "$root/other.db"
[ "$(type_of "$root/other.db")" != application/x-recimap ] || fail "any SQLite file is taken for a Recimap map"

echo "deb check: $(basename "$deb") ($(du -k "$deb" | cut -f1) KB) — $(field Package) $(field Version), $desktop, MIME type application/x-recimap by name and by content"
