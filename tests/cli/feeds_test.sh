#!/usr/bin/env bash
# pactum feeds and pactum watch against feeds served on loopback by our test
# server (tests/cli/feed_server.py: ETag, Last-Modified, a request log).
source "$(dirname "$0")/lib.sh"

mkdir -p served
cp "$REPO/data/samples/formats/news_feed.rss" served/feed.rss
cp "$REPO/data/samples/formats/news_feed.rss" served/broken.rss
echo 500 >served/broken.rss.status
python3 "$REPO/tests/cli/feed_server.py" served --seconds 240 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do [ -s served/port ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat served/port)"
requests() { grep -c "^/$1 $2\$" served/requests.log 2>/dev/null || true; }

# Adding: validated, stored, listed.
check "feeds add" "$PACTUM" feeds add "$base/feed.rss" --name "News" --interval 0
expect_exit 2 "the same URL twice is a usage error" "$PACTUM" feeds add "$base/feed.rss"
expect_exit 2 "a URL that is not http(s) is a usage error" "$PACTUM" feeds add "file:///etc/passwd"
"$PACTUM" feeds list --json >list.json
check "feeds list shows the feed" test "$(json_get list.json 'd[0]["name"] + " " + str(d[0]["items"])')" = "News 0"

# First poll: every item ingested; validators kept.
"$PACTUM" feeds poll --json >p1.json
check "first poll gets 200 and ingests the 3 items" test "$(json_get p1.json '[d[0]["http_status"], d[0]["items"], d[0]["new_items"], d[0]["failed"]]')" = "[200, 3, 3, 0]"
"$PACTUM" feeds list --json >list.json
check "the ETag and Last-Modified are stored" test "$(json_get list.json 'bool(d[0]["etag"] and d[0]["last_modified"])')" = True
docs1=$("$PACTUM" events --json | python3 -c 'import json,sys; print(len({e["document"] for e in json.load(sys.stdin)}))')
check "the items' events are in the store" test "$docs1" -ge 2

# Second poll: a conditional GET answered 304, nothing ingested.
"$PACTUM" feeds poll --json >p2.json
check "second poll is a 304 that ingests nothing" test "$(json_get p2.json '[d[0]["http_status"], d[0]["new_items"]]')" = "[304, 0]"
check "the server saw one 200 and one 304" test "$(requests feed.rss 200) $(requests feed.rss 304)" = "1 1"

# A saved search before the new item: everything matching is new once.
check "watch add" "$PACTUM" watch add nor Norway
expect_exit 2 "a saved search with an unknown facet is a usage error" "$PACTUM" watch add bad hydrogen --sector colour
expect_exit 2 "a saved search with unbalanced quotes is a usage error" "$PACTUM" watch add bad '"hydrogen'
"$PACTUM" watch changes nor >c1.json
check "first check lists the matching agreements" test "$(json_get c1.json 'len(d["changes"]) > 0 and all(c["change"] == "new" for c in d["changes"])')" = True
"$PACTUM" watch changes nor >c2.json
check "a second check has no changes" test "$(json_get c2.json 'len(d["changes"])')" -eq 0

# A new item: fetched (new ETag), ingested once.
sleep 1  # a new Last-Modified second
python3 - served/feed.rss <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
item = """    <item>
      <title>Norway and Japan sign memorandum of understanding on hydrogen shipping</title>
      <link>https://news.example.org/2025/02/10/norway-japan-hydrogen-shipping</link>
      <guid isPermaLink="true">https://news.example.org/2025/02/10/norway-japan-hydrogen-shipping</guid>
      <pubDate>Mon, 10 Feb 2025 10:00:00 +0100</pubDate>
      <description>Norway and Japan signed a memorandum of understanding on hydrogen shipping in Tokyo on 10 February 2025. The two countries will cooperate on liquefied hydrogen carriers and port infrastructure.</description>
    </item>
"""
i = s.index("    <item>")
open(p, "w", encoding="utf-8").write(s[:i] + item + "\n" + s[i:])
PY
"$PACTUM" feeds poll --json >p3.json
check "the changed feed gives one new item, ingested" test "$(json_get p3.json '[d[0]["http_status"], d[0]["items"], d[0]["new_items"], d[0]["stored"]]')" = "[200, 4, 1, 1]"
"$PACTUM" feeds poll --json >p4.json
check "then 304 again" test "$(json_get p4.json '[d[0]["http_status"], d[0]["new_items"]]')" = "[304, 0]"
"$PACTUM" feeds list --json >list.json
check "the feed has ingested 4 items, each once" test "$(json_get list.json 'd[0]["items"]')" -eq 4

# The saved search sees the new agreement, as JSON and as Atom.
"$PACTUM" watch changes nor --keep >c3.json
check "the new Norway-Japan item is a change" test "$(json_get c3.json 'len(d["changes"]) >= 1 and any("norway-japan-hydrogen-shipping" in u for c in d["changes"] for u in c["source_urls"])')" = True
"$PACTUM" watch changes nor --format atom >c3.atom
check "the Atom feed is well-formed XML" xmllint --noout c3.atom
check "one Atom entry per change" test "$(python3 -c 'import sys,xml.etree.ElementTree as E; print(len(E.parse(sys.argv[1]).getroot().findall("{http://www.w3.org/2005/Atom}entry")))' c3.atom)" -eq "$(json_get c3.json 'len(d["changes"])')"
check "the Atom feed has its id, title and updated" python3 -c '
import sys, xml.etree.ElementTree as E
A = "{http://www.w3.org/2005/Atom}"
f = E.parse(sys.argv[1]).getroot()
assert f.tag == A + "feed"
for el in [f] + f.findall(A + "entry"):
    for need in ("id", "title", "updated"):
        assert el.find(A + need) is not None and el.find(A + need).text, need
' c3.atom
"$PACTUM" watch changes nor >c4.json
check "after reading the changes, none are left" test "$(json_get c4.json 'len(d["changes"])')" -eq 0
"$PACTUM" watch changes nor --since 2000-01-01 >c5.json
check "--since reaches back over earlier checks" test "$(json_get c5.json 'len(d["changes"])')" -ge "$(json_get c1.json 'len(d["changes"])')"

# Curating an event of a matching agreement is a change too, with no new source.
src=$(json_get c5.json 'd["changes"][0]["new_sources"][0]')
"$PACTUM" events --json >ev.json
evid=$(python3 -c 'import json,sys; print(next(e["id"] for e in json.load(open("ev.json")) if e["document_id"] == int(sys.argv[1])))' "$src")
check "curate an event of a matching agreement" "$PACTUM" curate event "$evid" --confirm --author tester
"$PACTUM" watch changes nor >c6.json
check "the curated agreement is a change" test "$(json_get c6.json "[(c['change'], len(c['new_sources']), len(c['curations'])) for c in d['changes']]")" = "[('changed', 0, 1)]"
"$PACTUM" watch changes nor >c7.json
check "and is not a change again" test "$(json_get c7.json 'len(d["changes"])')" -eq 0
expect_exit 2 "a bad --since is a usage error" "$PACTUM" watch changes nor --since yesterday
expect_exit 3 "an unknown saved search" "$PACTUM" watch changes nosuch
"$PACTUM" watch list --json >wl.json
check "watch list shows the query and last check" test "$(json_get wl.json 'd[0]["query"] == "Norway" and bool(d[0]["last_checked_at"])')" = True

# A server error backs the feed off: not polled again until due (or forced).
check "feeds add (a failing feed)" "$PACTUM" feeds add "$base/broken.rss" --interval 0
expect_exit 1 "a 500 makes the poll exit 1" "$PACTUM" feeds poll
"$PACTUM" feeds list --json >list.json
check "the 500 is recorded with a backoff" test "$(json_get list.json '[d[1]["failures"], d[1]["last_status"], d[1]["next_poll_at"] > d[1]["last_polled_at"]]')" = "[1, '500', True]"
"$PACTUM" feeds poll --json >p5.json
check "a backing-off feed is not polled" test "$(json_get p5.json '[d[1]["polled"], d[0]["polled"]]')" = "[False, True]"
check "the server saw one request for the failing feed" test "$(requests broken.rss 500)" -eq 1
"$PACTUM" feeds poll --force --json >p6.json
check "--force polls it; the failures count up" test "$(json_get p6.json 'd[1]["failures"]')" -eq 2
rm served/broken.rss.status
"$PACTUM" feeds poll --force --json >p7.json
check "a success resets the backoff" test "$(json_get p7.json '[d[1]["http_status"], d[1]["failures"]]')" = "[200, 0]"
check "feeds remove" "$PACTUM" feeds remove "$base/broken.rss"
expect_exit 3 "removing it twice" "$PACTUM" feeds remove "$base/broken.rss"
finish
