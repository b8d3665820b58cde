# Debian's nginx (and envsubst, which renders deploy/nginx/equity.conf.template as the nginx image
# does): tests/test_proxy.py runs the deployment's proxy configuration on this machine. Installed
# when missing and apt is usable; the tests require it (REQUIRE_NGINX=1). The package's own service
# is not started: the tests run their own nginx on a free loopback port.
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ] || ! command -v envsubst >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if command -v apt-get >/dev/null && { [ -z "$SUDO" ] || command -v sudo >/dev/null; }; then
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx gettext-base >/dev/null || true
  fi
  if { ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; } || ! command -v envsubst >/dev/null; then
    if [ "${REQUIRE_NGINX:-0}" = 1 ]; then
      echo "Debian's nginx could not be installed (apt-get install nginx gettext-base); the proxy tests need it." >&2
      exit 1
    fi
  fi
fi
