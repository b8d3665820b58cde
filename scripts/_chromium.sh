# Debian's chromium: the browser tests drive it, and the dashboard draws chart images in it (Kaleido).
# Installed when missing and apt is usable; the tests require it (REQUIRE_CHROMIUM=1), the dashboard
# runs without it and says on each chart that images need it.
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if command -v apt-get >/dev/null && { [ -z "$SUDO" ] || command -v sudo >/dev/null; }; then
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null || true
  fi
  if [ ! -x /usr/bin/chromium ]; then
    if [ "${REQUIRE_CHROMIUM:-0}" = 1 ]; then
      echo "Debian's chromium could not be installed (apt-get install chromium); the browser tests need it." >&2
      exit 1
    fi
    echo "Note: chromium is not installed, so chart images (PNG/SVG) are not offered; maps still are." >&2
  fi
fi
