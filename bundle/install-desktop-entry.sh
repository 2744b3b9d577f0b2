#!/bin/sh
# Put PolicyReader in your desktop's application menu, and `policyreader` on your PATH (~/.local/bin).
# Run it from the unpacked PolicyReader folder, and again if you move the folder.
#   ./install-desktop-entry.sh              install for you (no root needed)
#   ./install-desktop-entry.sh --uninstall  remove what it installed (the folder itself stays)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps="$data/applications"
icons="$data/icons/hicolor"
bin="$HOME/.local/bin"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$apps/policyreader.desktop" "$icons/256x256/apps/policyreader.png" \
        "$icons/scalable/apps/policyreader.svg"
  [ -L "$bin/policyreader" ] && rm -f "$bin/policyreader"
  echo "PolicyReader's menu entry removed. Delete $here to remove the program."
  exit 0
fi

[ -x "$here/policyreader" ] || { echo "run this script from the PolicyReader folder" >&2; exit 1; }
mkdir -p "$apps" "$icons/256x256/apps" "$icons/scalable/apps" "$bin"
cp "$here/policyreader.png" "$icons/256x256/apps/policyreader.png"
cp "$here/policyreader.svg" "$icons/scalable/apps/policyreader.svg"
# The menu entry runs this folder's program; a path with spaces is quoted as the spec asks.
sed "s|^Exec=.*|Exec=\"$here/policyreader\"|" "$here/policyreader.desktop" > "$apps/policyreader.desktop"
ln -sf "$here/policyreader" "$bin/policyreader"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "PolicyReader is in your application menu; \`policyreader\` is in $bin."
