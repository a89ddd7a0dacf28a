#!/usr/bin/env python3
"""A loopback feed server for the feeds tests (ours; standard library only).

Serves the files of a folder on 127.0.0.1 with an ETag (the content's hash)
and Last-Modified (the file's mtime), answering 304 to a matching
If-None-Match or If-Modified-Since. A file named NAME.status holding a
number makes NAME answer that status instead. Every request is appended to
requests.log in the folder ("path status"). The chosen port is written to
port in the folder. Stops by itself after --seconds (default 120) or
--max-requests (default 500), whichever comes first.
"""
import argparse
import email.utils
import hashlib
import http.server
import os
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--seconds", type=float, default=120)
    ap.add_argument("--max-requests", type=int, default=500)
    args = ap.parse_args()
    folder = os.path.abspath(args.folder)
    served = [0]

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def answer(self, status, body=b"", headers=()):
            served[0] += 1
            with open(os.path.join(folder, "requests.log"), "a") as log:
                log.write(f"{self.path} {status}\n")
            self.send_response(status)
            for k, v in headers:
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self):
            name = os.path.basename(self.path.split("?")[0])
            path = os.path.join(folder, name)
            status_file = path + ".status"
            if os.path.exists(status_file):
                return self.answer(int(open(status_file).read().strip()), b"server trouble\n")
            if not name or not os.path.isfile(path):
                return self.answer(404, b"not found\n")
            body = open(path, "rb").read()
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            mtime = int(os.path.getmtime(path))
            last_modified = email.utils.formatdate(mtime, usegmt=True)
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if inm is not None:
                not_modified = inm == etag
            elif ims is not None:
                parsed = email.utils.parsedate_to_datetime(ims)
                not_modified = parsed is not None and mtime <= parsed.timestamp()
            else:
                not_modified = False
            headers = [("ETag", etag), ("Last-Modified", last_modified)]
            if not_modified:
                return self.answer(304, b"", headers)
            self.answer(200, body, headers + [("Content-Type", "application/rss+xml; charset=utf-8")])

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    server.timeout = 0.5
    with open(os.path.join(folder, "port.tmp"), "w") as f:
        f.write(str(server.server_address[1]))
    os.replace(os.path.join(folder, "port.tmp"), os.path.join(folder, "port"))
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline and served[0] < args.max_requests:
        server.handle_request()
    server.server_close()


if __name__ == "__main__":
    main()
