#!/usr/bin/env bash
# pactum serve --db PRIMARY --read-db REPLICA: reads come from the replica,
# writes (curation, with its version check: 409 on a stale if_version) go to
# the primary. The "replica" is a migrated copy that is then left behind.
source "$(dirname "$0")/lib.sh"

"$PACTUM" ingest "$REPO"/data/samples/docs/en_*.txt > /dev/null
"$PACTUM" migrate --from "sqlite:$PACTUM_DB" --to "sqlite:$WORK/replica.db" > /dev/null
printf 'Zyxwvutopia and Norway signed a memorandum of understanding on hydrogen in 2025.\n' > late.txt
"$PACTUM" ingest late.txt > /dev/null
token=$("$PACTUM" token create --name t --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
id=$("$PACTUM" events --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')

"$PACTUM" serve --db "$PACTUM_DB" --read-db "$WORK/replica.db" --port 0 --access-log off > serve.out 2> serve.err &
srv=$!
trap 'kill $srv 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do grep -q "http://" serve.out 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/^pactum serve: \(http:[^ ]*\).*/\1/p' serve.out)
url=${url%/}
check "the server came up" [ -n "$url" ]

call() {  # METHOD PATH [BODY]: prints STATUS then the body
  python3 - "$url" "$token" "$@" <<'PY'
import json, sys, urllib.request, urllib.error
url, token, method, path = sys.argv[1:5]
body = sys.argv[5].encode() if len(sys.argv) > 5 else None
req = urllib.request.Request(url + path, data=body, method=method,
                             headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
try:
    with urllib.request.urlopen(req) as r:
        print(r.status); print(r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code); print(e.read().decode())
PY
}
check "the primary has the late document" [ "$("$PACTUM" search zyxwvutopia --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 1 ]
call GET "/api/search?q=zyxwvutopia" > s.out
check "a read is answered by the replica (which lacks it)" python3 -c '
import json, sys
lines = open(sys.argv[1]).read().split("\n", 1)
assert lines[0] == "200", lines[0]
assert json.loads(lines[1])["total"] == 0' s.out
call POST "/api/curation/events/$id" '{"set": {"stage": "negotiating"}, "author": "ana", "if_version": 0}' > w.out
check "a write with a fresh token is accepted (tokens are read on the primary)" [ "$(head -1 w.out)" = 200 ]
check "the write landed on the primary" [ "$("$PACTUM" show "$id" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')" = 1 ]
check "not on the replica" [ "$(PACTUM_DB="$WORK/replica.db" "$PACTUM" show "$id" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')" = 0 ]
call POST "/api/curation/events/$id" '{"set": {"stage": "planned"}, "author": "ben", "if_version": 0}' > c.out
check "a stale if_version is 409 conflict" python3 -c '
import json, sys
lines = open(sys.argv[1]).read().split("\n", 1)
assert lines[0] == "409", lines[0]
assert json.loads(lines[1])["error"]["code"] == "conflict"' c.out
check "and changed nothing" [ "$("$PACTUM" show "$id" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["stage"], d["version"])')" = "negotiating 1" ]
kill $srv; wait $srv 2>/dev/null
finish
