#!/usr/bin/env bash
# Makes the log fixtures of an older limber, with that limber itself:
#   v2.sqlite        a log database at schema v2 (migrations "v1 ..." and "v2 runs ..."), holding
#                    imported runs (source 'manual', as v2 wrote them), a run typed in, sessions
#                    logged by hand and by a script with awkward text, skip and rest days, and
#                    weekly rest days;
#   export-v1.csv    that log exported as export version 1 (CSV: 19 columns, no run details);
#   export-v1.json   the same as JSON ("version": 1).
# The tests open a copy of v2.sqlite (the v3 migration) and import the exports (older archives).
#
# These were made once with limber at commit fe53892 (export version 1, schema v2), and are
# committed: run this only with such a binary; a newer one would write newer files, and the
# script refuses when the database it made is not at v2.
#
# Usage: Tests/Fixtures/log/make_log_fixtures.sh LIMBER_BINARY
set -euo pipefail
limber=$(realpath "${1:?usage: make_log_fixtures.sh LIMBER_BINARY}")
here=$(cd "$(dirname "$0")" && pwd)
runs="$here/../runs"
command -v sqlite3 >/dev/null || { echo "make_log_fixtures: needs the sqlite3 CLI" >&2; exit 1; }

# A fixed home, so the source files the log records have the same paths on every run.
home=/tmp/limber-log-fixture
rm -rf "$home"
mkdir -p "$home"
export LIMBER_HOME="$home" TZ=UTC LIMBER_SHIPPED_PLUGINS="$here/../../../plugins"
# A folder name CSV must quote (comma, quote) and one with a newline in it.
watch="$home/watch, \"Garmin\""
mkdir -p "$watch/Activity" "$home/phone"$'\n'"export"
cp "$runs/run.fit" "$watch/Activity/"
cp "$runs/trail.fit" "$runs/xml/run_phone.gpx" "$home/phone"$'\n'"export/"

at() { LIMBER_NOW="$1" "$limber" "${@:2}"; }

# Imported runs (with sport, distance and source file; the phone's GPX is the watch's run again,
# so it is skipped), and one typed in.
at 2026-03-10T12:00:00Z runs import "$watch/Activity" "$home/phone"$'\n'"export" >/dev/null
at 2026-03-12T20:00:00Z log add run --at "2026-03-12T06:30" --minutes 52 --note $'tempo, "hard"\nlegs ok'
# Mobility sessions by hand, with every kind of text CSV and JSON must keep.
at 2026-03-10T20:00:00Z log add runner-cooldown --at "2026-03-10T18:00" --discomfort 3 --note 'Ünïcødé ✓, 日本 🏃'
at 2026-03-11T20:00:00Z log add figure-four-stretch --hold 45.5 --sets 2 --ended-early \
  --note $'line one\r\nline "two", three\ttab'
at 2026-03-13T20:00:00Z log add cat-cow --reps 12 --at "2026-03-13T07:15"
# A script's session: source 'script'.
cat >"$home/record.lua" <<'LUA'
limber.log.record{ routine = "evening, \"quiet\"", at = 1773590400, notes = "a\\b\u{2028}c\u{1B}[31m",
  sets = { { exercise = "childs-pose", hold = 30, discomfort = 0 }, { exercise = "cat-cow", reps = 0.5 } } }
LUA
at 2026-03-16T20:00:00Z run "$home/record.lua"
at 2026-03-14T20:00:00Z log skip --on 2026-03-14 --reason $'ill, "flu"\nstayed in'
at 2026-03-14T20:00:00Z log rest 2026-03-21 --reason 'race day'
at 2026-03-14T20:00:00Z log rest --weekly sun,sat

db="$home/data/limber.sqlite"
migrations=$(sqlite3 "$db" "SELECT group_concat(identifier, ' | ') FROM grdb_migrations ORDER BY rowid")
case $migrations in
  "v1 sessions, sets, day marks, rest weekdays | v2 runs: "*) ;;
  *) echo "make_log_fixtures: the log is not at schema v2 ($migrations); use a limber of commit fe53892" >&2; exit 1 ;;
esac
[ "$(sqlite3 "$db" "SELECT count(*) FROM grdb_migrations")" = 2 ] || {
  echo "make_log_fixtures: the log has more than two migrations; use a limber of commit fe53892" >&2
  exit 1
}

at 2026-03-20T20:00:00Z export --format csv --output "$here/export-v1.csv"
at 2026-03-20T20:00:00Z export --format json --output "$here/export-v1.json"
grep -q '"version":1' "$here/export-v1.json" || { echo "make_log_fixtures: not export version 1" >&2; exit 1; }
# One self-contained file: the write-ahead log folded into the database (still in WAL mode).
sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
cp "$db" "$here/v2.sqlite"
echo "wrote $here/v2.sqlite, export-v1.csv, export-v1.json"
