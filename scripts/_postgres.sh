# PostgreSQL on 127.0.0.1:5432 with a database "test": the shared upload store's tests
# (tests/test_upload_store_pg.py, tests/test_proxy.py) run against the real server. Started when
# installed but stopped; installed (Debian's postgresql) when missing. Under CI the tests fail,
# never skip, when it still cannot be reached (EQUITY_TEST_PG_DSN names another server).
_pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
if ! _pg_up; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  FRESH=0
  if ! command -v pg_ctlcluster >/dev/null && command -v apt-get >/dev/null && { [ -z "$SUDO" ] || command -v sudo >/dev/null; }; then
    $SUDO apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null && FRESH=1 || true
  fi
  PG_VERSION="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$PG_VERSION" ]; then
    if [ "$FRESH" = 1 ]; then  # a server installed just now, for these tests only: trust the test database on loopback
      HBA="/etc/postgresql/$PG_VERSION/main/pg_hba.conf"
      $SUDO sed -i '1i host test postgres 127.0.0.1/32 trust' "$HBA" || true
    fi
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" main start || true
    for _ in $(seq 1 30); do _pg_up && break; sleep 1; done
  fi
fi
if _pg_up && ! psql -h 127.0.0.1 -U postgres -d test -Atc 'SELECT 1' >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1; then
    su postgres -c "createdb test" 2>/dev/null || true
  fi
fi
_pg_up || echo "PostgreSQL is not running on 127.0.0.1:5432; the shared upload store's tests will say so." >&2
