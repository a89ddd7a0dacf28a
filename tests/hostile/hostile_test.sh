#!/usr/bin/env bash
# Hostile input (issue 10): inputs written to break a reader, each ingested
# (or extracted) under a time and memory bound, with the outcome asserted: a
# clear error and a non-zero exit, or the correct result. Afterwards the
# store passes SQLite's integrity check and a second ingest still works.
#
# Bounds, per case: `prlimit --as` of 2 GiB (address space; skipped for a
# binary built with AddressSanitizer, which reserves terabytes); with
# /usr/bin/time -v, CPU time (user + system) under 20 s and peak RSS under
# 1 GiB; and `timeout 120` on the wall clock, generous because a shared CI
# machine may run a case 20 times slower than its CPU time (measured: the
# 50 MB JSONL line takes 3 s of CPU, 570 MB, and 53 s of wall time on two
# cores shared by eight builds). The big inputs (200 MB on one line, a
# 50 MB JSONL line) are generated at test time and piped, sparse or in
# /dev/shm, so the test writes ~18 MB to disk; in all it takes some 25 s of
# CPU time.
source "$(dirname "$0")/../cli/lib.sh"
HERE="$REPO/tests/hostile"
TIME_LIMIT=${HOSTILE_TIMEOUT:-120}
CPU_LIMIT_S=20
AS_LIMIT=$((2 * 1024 * 1024 * 1024))
RSS_LIMIT_KB=$((1024 * 1024))

python3 "$HERE/gen.py" in || { echo "FAIL: generating the inputs"; exit 1; }

as_bound=(prlimit --as="$AS_LIMIT" --)
if grep -q -a -m1 -e AddressSanitizer -e __asan_init "$PACTUM" 2>/dev/null; then as_bound=(); fi
timer=()
[ -x /usr/bin/time ] && timer=(/usr/bin/time -v -o time.txt)

# bounded NAME [--stdin CMD] -- PACTUM ARGS...: runs pactum under the bounds,
# stdout to NAME.out, stderr to NAME.err; sets $code. With --stdin, the
# output of the generator command is piped in. A timeout (124), a kill by
# the memory bound or a crash (>= 128) or a peak RSS over the bound fails.
bounded() {
  local name=$1; shift
  local feed=()
  if [ "$1" = --stdin ]; then feed=("$2"); shift 2; fi
  [ "$1" = -- ] && shift
  rm -f time.txt
  local t0=$SECONDS
  if [ ${#feed[@]} -gt 0 ]; then
    python3 "$HERE/gen.py" --stdout "${feed[0]}" |
      timeout "$TIME_LIMIT" "${as_bound[@]}" "${timer[@]}" "$PACTUM" "$@" >"$name.out" 2>"$name.err"
    code=${PIPESTATUS[1]}
  else
    timeout "$TIME_LIMIT" "${as_bound[@]}" "${timer[@]}" "$PACTUM" "$@" >"$name.out" 2>"$name.err"
    code=$?
  fi
  local rss=? cpu=?
  if [ -s time.txt ]; then
    rss=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' time.txt)
    cpu=$(awk -F: '/User time|System time/ {s += $2} END {printf "%.1f", s}' time.txt)
  fi
  printf '%-14s exit %3d  %3ds wall  %5ss CPU  peak RSS %s KiB\n' "$name" "$code" $((SECONDS - t0)) "$cpu" "$rss"
  check "$name: ends within ${TIME_LIMIT}s and the memory bound, without a crash" test "$code" -lt 124
  if [ "$rss" != ? ]; then
    check "$name: peak RSS under 1 GiB" test "$rss" -lt "$RSS_LIMIT_KB"
    check "$name: CPU time under ${CPU_LIMIT_S}s" awk -v c="$cpu" -v l="$CPU_LIMIT_S" 'BEGIN {exit !(c < l)}'
  fi
}

# reason NAME: the failure reasons in NAME.out (an ingest --json summary).
reason() { json_get "$1.out" '" | ".join(f["code"] + ": " + f["reason"] for f in d["failed"])'; }
stored() { json_get "$1.out" 'd["stored"]'; }
db_sql() { python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute(sys.argv[2]).fetchone()[0])' "$PACTUM_DB" "$1"; }

# 1. Invalid and overlong UTF-8: every file refused, saying where.
bounded utf8 -- ingest --json in/utf8
check "utf8: exit 1" test "$code" -eq 1
check "utf8: all seven refused" test "$(json_get utf8.out 'len(d["failed"])')" -eq 7
check "utf8: each as not valid UTF-8 at its byte" test "$(json_get utf8.out 'all("not valid UTF-8 (byte offset 17)" in f["reason"] for f in d["failed"])')" = True

# 2. NUL bytes inside text: refused as binary, not stored cut at the NUL.
bounded nul -- ingest --json in/nul.txt
check "nul: exit 1" test "$code" -eq 1
check "nul: refused with a reason naming the NUL" grep -qi 'nul\|binary' nul.out

# 3. 200 MB on one line: on stdin refused past the 64 MiB bound without
#    holding more; as a .jsonl file (streamed) refused at line 1.
bounded line200-stdin --stdin line200 -- ingest --json -
check "line200-stdin: exit 1" test "$code" -eq 1
check "line200-stdin: refused for its size" grep -q 'resource exhausted' line200-stdin.out
bounded line200-jsonl -- ingest --json in/line200.jsonl
check "line200-jsonl: exit 1" test "$code" -eq 1
check "line200-jsonl: line 1 over the limit" grep -q 'line 1: over the' line200-jsonl.out

# 4. 100,000 nested elements: the page refused as too deep (gumbo would take
#    minutes); the same markup as a JSONL item's text is read as text.
bounded nested-html -- ingest --json in/nested.html
check "nested-html: exit 1" test "$code" -eq 1
check "nested-html: refused as nested too deeply" grep -q 'nested 100' nested-html.out
bounded nested-jsonl -- ingest --json in/nested.jsonl
check "nested-jsonl: exit 0" test "$code" -eq 0
check "nested-jsonl: stored" test "$(stored nested-jsonl)" -eq 1

# 5. Billion laughs: the entities are not expanded (the item is stored with
#    its own text, nothing like 10^9 "lol"s); an external entity is not read.
bounded laughs -- ingest --json in/laughs.rss
check "laughs: exit 1" test "$code" -eq 1
check "laughs: refused for its entities" grep -q 'entit' laughs.out
check "laughs: no document over 1 MB stored" test "$(db_sql 'select coalesce(max(length(text)), 0) from documents')" -lt 1000000
bounded xxe -- ingest --json in/xxe.rss
check "xxe: exit 1" test "$code" -eq 1
check "xxe: refused for its entities" grep -q 'entities' xxe.out
check "xxe: /etc/passwd is not read" test "$(db_sql "select count(*) from documents where text like '%root:%'")" -eq 0

# 6. A PDF with a broken xref: poppler rebuilds it, the text is read.
python3 "$REPO/scripts/make_fuzz_pdf.py" in/pdf >/dev/null
bounded pdf -- ingest --json in/pdf/broken_xref.pdf
check "pdf: exit 0" test "$code" -eq 0
check "pdf: stored" test "$(stored pdf)" -eq 1

# 7. A JSONL line of 50 MB: its item is over the 8 MiB document bound, as a
#    .jsonl file (in /dev/shm when there is one: no 50 MB disk write) and on
#    stdin (which, its first line not ending within the sniffed head, is
#    read as one 50 MB text: refused for the same bound).
big=$WORK
[ -d /dev/shm ] && [ -w /dev/shm ] && big=$(mktemp -d /dev/shm/pactum-hostile.XXXXXX)
trap 'rm -rf "$WORK"; [ "$big" != "$WORK" ] && rm -rf "$big"' EXIT
python3 "$HERE/gen.py" --stdout line50 >"$big/line50.jsonl"
bounded line50 -- ingest --json "$big/line50.jsonl"
rm -f "$big/line50.jsonl"
check "line50: exit 1" test "$code" -eq 1
check "line50: its item refused for its size" grep -q 'item 1: text of 50.* limit for one document' line50.out
bounded line50-stdin --stdin line50 -- ingest --json -
check "line50-stdin: exit 1" test "$code" -eq 1
check "line50-stdin: refused for its size" grep -q 'resource exhausted' line50-stdin.out

# 8. An RSS feed of 100,000 items: refused as over the item bound, clearly.
bounded items -- ingest --json in/items.rss
check "items: exit 1" test "$code" -eq 1
check "items: refused for its number of items" grep -q '100000 items (over 10000)' items.out

# 9. Right-to-left and combining marks: stored, NFC (e + U+0301 -> é).
bounded rtl -- ingest --json in/rtl.txt
check "rtl: exit 0" test "$code" -eq 0
check "rtl: stored" test "$(stored rtl)" -eq 1
check "rtl: text in NFC" test "$(db_sql "select count(*) from documents where text like '%Café Québec%'")" -eq 1
check "rtl: Arabic kept" test "$(db_sql "select count(*) from documents where text like '%النرويج%'")" -eq 1

# 10. "31. Februar 2026": no such day is ever produced, in text or metadata.
bounded februar -- extract --json in/februar.txt
check "februar: extract exit 0" test "$code" -eq 0
check "februar: no 2026-02-31" bash -c '! grep -q 2026-02-31 februar.out'
bounded februar-jsonl -- ingest --json in/februar.jsonl
check "februar-jsonl: stored" test "$(stored februar-jsonl)" -eq 1
check "februar-jsonl: no 2026-02-31 published" test "$(db_sql "select count(*) from documents where published like '2026-02-31%'")" -eq 0

# The store after all of it: intact, and it still takes an ingest.
if command -v sqlite3 >/dev/null; then
  check "integrity_check says ok" test "$(sqlite3 "$PACTUM_DB" 'PRAGMA integrity_check')" = ok
else
  check "integrity_check says ok" test "$(db_sql 'PRAGMA integrity_check')" = ok
fi
bounded again -- ingest --json "$REPO/data/samples/docs/en_02_eu_norway_green_alliance.txt"
check "a second ingest stores" test "$(stored again)" -eq 1
finish
