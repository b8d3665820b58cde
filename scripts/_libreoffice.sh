# Debian's LibreOffice Impress and poppler-utils: the deck tests draw every briefing deck to PDF with
# soffice (headless) and to PNG with pdftoppm, to see that each slide renders. Installed when missing
# and apt is usable; with REQUIRE_LIBREOFFICE=1 (scripts/test.sh) the render tests fail without them.
# The dashboard itself needs neither: decks are built by python-pptx, PDFs by matplotlib.
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if command -v apt-get >/dev/null && { [ -z "$SUDO" ] || command -v sudo >/dev/null; }; then
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      libreoffice-impress poppler-utils fonts-dejavu-core >/dev/null || true
  fi
  if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
    if [ "${REQUIRE_LIBREOFFICE:-0}" = 1 ]; then
      echo "Debian's libreoffice-impress and poppler-utils could not be installed; the deck render tests need them." >&2
      exit 1
    fi
  fi
fi
export REQUIRE_LIBREOFFICE="${REQUIRE_LIBREOFFICE:-0}"
