#!/usr/bin/env bash
# Run once by the postgres image when it creates its cluster (docker-entrypoint-initdb.d):
# the application's own role, without superuser rights, owning the application's database.
set -euo pipefail
: "${COMMITTEE_DB_PASSWORD:?set COMMITTEE_DB_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v password="$COMMITTEE_DB_PASSWORD" <<'SQL'
CREATE ROLE committee LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE DATABASE committee OWNER committee;
SQL
