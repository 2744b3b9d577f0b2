#!/usr/bin/env bash
# Check (and, as root on Debian/Ubuntu, install) the system libraries PolicyReader needs.
#   scripts/ensure-system-deps.sh qt           Qt's runtime libraries and a CJK font (needed by make run/test:
#                                              the reader shows Chinese and the PDF export embeds the font)
#   scripts/ensure-system-deps.sh screenshots  plus Xvfb and poppler (needed by make screenshots)
#   scripts/ensure-system-deps.sh dist         plus binutils (PyInstaller reads libraries with objdump) and the
#                                              fonts the bundle ships (Noto Sans CJK, DejaVu Sans)
#   scripts/ensure-system-deps.sh dist-check   plus Xvfb, xdotool, desktop-file-utils and strace (make dist-check)
# Not root: prints the exact apt-get line and exits 1.
set -euo pipefail
what="${1:-qt}"

# library soname -> Debian package
declare -A LIBS=(
  [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1 [libxkbcommon.so.0]=libxkbcommon0
  [libfontconfig.so.1]=libfontconfig1 [libdbus-1.so.3]=libdbus-1-3 [libglib-2.0.so.0]=libglib2.0-0
  [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libxcb-cursor.so.0]=libxcb-cursor0
  [libxcb-icccm.so.4]=libxcb-icccm4 [libxcb-keysyms.so.1]=libxcb-keysyms1
  [libxcb-shape.so.0]=libxcb-shape0 [libX11-xcb.so.1]=libx11-xcb1 [libfreetype.so.6]=libfreetype6
)
missing=()
for lib in "${!LIBS[@]}"; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("${LIBS[$lib]}")
done
command -v fc-list >/dev/null || missing+=(fontconfig)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-noto-cjk)
if [ "$what" = "screenshots" ]; then
  command -v Xvfb >/dev/null || missing+=(xvfb)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fi
if [ "$what" = "dist" ]; then
  command -v objdump >/dev/null || missing+=(binutils)
  ls /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  ls /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
fi
if [ "$what" = "dist-check" ]; then
  command -v Xvfb >/dev/null || missing+=(xvfb)
  command -v xdotool >/dev/null || missing+=(xdotool)
  command -v desktop-file-validate >/dev/null || missing+=(desktop-file-utils)
  command -v strace >/dev/null || missing+=(strace)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

line="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing system packages PolicyReader needs: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "PolicyReader needs these system packages: ${missing[*]}" >&2
  echo "Install them with:  sudo $line" >&2
  exit 1
fi
