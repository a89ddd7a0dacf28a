#!/usr/bin/env bash
# pactum ingest: samples in every format, the JSON summary, duplicates,
# bad input reported per file, and a store that survives a kill mid-way.
source "$(dirname "$0")/lib.sh"

"$PACTUM" ingest "$REPO/data/samples/docs" --json >sum1.json
check "ingest of the samples succeeds" test $? -eq 0
check "every sample is stored" test "$(json_get sum1.json 'd["stored"]')" -ge 15
check "no sample fails" test "$(json_get sum1.json 'len(d["failed"])')" -eq 0
check "events are extracted" test "$(json_get sum1.json 'd["events"]')" -ge 10

"$PACTUM" ingest "$REPO/data/samples/docs" --json >sum2.json
check "re-ingest stores nothing new" test "$(json_get sum2.json 'd["stored"]')" -eq 0
check "re-ingest counts duplicates" test "$(json_get sum2.json 'd["duplicates"]')" -eq "$(json_get sum1.json 'd["stored"]')"

"$PACTUM" ingest "$REPO/data/samples/formats" --json >formats.json
check "HTML, RSS, Atom and JSONL samples are read" test "$(json_get formats.json 'd["read"]')" -ge 8
check "no format sample fails" test "$(json_get formats.json 'len(d["failed"])')" -eq 0

# Bad input: each fails with a reason, the good file beside them is stored.
mkdir bad
: >bad/empty.txt
printf 'Norge og Japan \xff\xfe signerte' >bad/invalid.txt
head -c 4096 /dev/urandom >bad/binary.bin
python3 -c "open('bad/huge.txt','w').write('Norway and Japan signed an agreement. ' * 1400000)"
printf '<html><head><title>x</title></head><body><p>Norway and Japan signed a memorandum of understanding on hydrogen.</p><div class="' >bad/truncated.html
printf '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>a</title><description>Norway and Japan' >bad/truncated.rss
printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa' >bad/truncated.pdf
printf 'Norway and the EU signed a strategic partnership on raw materials today.\n' >bad/good.txt
"$PACTUM" ingest bad --json >bad.json
code=$?
check "ingest with bad files exits non-zero" test "$code" -eq 1
check "the good file is stored" test "$(json_get bad.json 'd["stored"]')" -eq 1
check "seven files fail" test "$(json_get bad.json 'len(d["failed"])')" -eq 7
check "each failure has a reason" test "$(json_get bad.json 'all(f["reason"] for f in d["failed"])')" = True
check "the 50 MB text is refused for its size" \
  test "$(json_get bad.json '[f["code"] for f in d["failed"] if f["source"].endswith("huge.txt")][0]')" = "resource exhausted"

expect_exit 1 "a missing path is a failure" "$PACTUM" ingest does-not-exist.txt
expect_exit 4 "a file that is not a store is refused" "$PACTUM" ingest "$REPO/data/samples/docs" --db bad/good.txt
expect_exit 2 "an unknown flag is a usage error" "$PACTUM" ingest --no-such-flag x

# Killed mid-way: the store stays valid and a second run completes it.
mkdir many
for i in $(seq 1 300); do
  printf 'Release %d\n\nNorway and Japan signed memorandum number %d on hydrogen and ammonia in Tokyo on 8 December 2023.\n' "$i" "$i" >many/doc$i.txt
done
export PACTUM_DB="$WORK/killed.db"
"$PACTUM" ingest many >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "the killed store passes an integrity check" \
  test "$(python3 -c "import sqlite3; print(sqlite3.connect('$WORK/killed.db').execute('pragma integrity_check').fetchone()[0])")" = ok
"$PACTUM" ingest many --json >resume.json
check "the second run completes the ingest" \
  test "$(python3 -c "import sqlite3; print(sqlite3.connect('$WORK/killed.db').execute('select count(*) from documents').fetchone()[0])")" -eq 300
check "no document is stored twice" \
  test "$(json_get resume.json 'd["stored"] + d["duplicates"]')" -eq 300
finish
