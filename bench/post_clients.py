#!/usr/bin/env python3
"""POSTs every file of DIR to BASE/api/articles as text/plain from CLIENTS concurrent clients
(one keep-alive connection each); a 503 is retried after its Retry-After (capped at 1 s). A file
named NAME__SOURCE.txt is posted with ?source=SOURCE (bench/stories.sh: copies of one story from
several sources).
Prints "posted N seconds S rate R created C duplicates D retried_503 X errors E".

usage: post_clients.py BASE TOKEN DIR [CLIENTS]
"""
import http.client
import os
import sys
import threading
import time
import urllib.parse

base, token, folder = sys.argv[1], sys.argv[2], sys.argv[3]
clients = int(sys.argv[4]) if len(sys.argv) > 4 else 16
files = sorted(os.path.join(folder, f) for f in os.listdir(folder))
url = urllib.parse.urlparse(base)
lock = threading.Lock()
counts = {"created": 0, "duplicates": 0, "retried_503": 0, "errors": 0}
next_file = iter(files)


def take():
    with lock:
        return next(next_file, None)


def count(key):
    with lock:
        counts[key] += 1


def run():
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "text/plain; charset=utf-8"}
    while (path := take()) is not None:
        with open(path, "rb") as f:
            body = f.read()
        target = "/api/articles"
        stem = os.path.splitext(os.path.basename(path))[0]
        if "__" in stem:
            target += "?source=" + urllib.parse.quote(stem.split("__", 1)[1])
        while True:
            try:
                conn.request("POST", target, body, headers)
                r = conn.getresponse()
                r.read()
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
                count("errors")
                break
            if r.status == 503:
                count("retried_503")
                time.sleep(min(1.0, float(r.getheader("Retry-After") or 1)))
                continue
            count({201: "created", 200: "duplicates"}.get(r.status, "errors"))
            break


t0 = time.time()
threads = [threading.Thread(target=run) for _ in range(clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()
s = time.time() - t0
print(f"posted {len(files)} seconds {s:.1f} rate {len(files) / s:.0f} "
      + " ".join(f"{k} {v}" for k, v in counts.items())
      + f" client_cpu_ms_per_article {1000 * time.process_time() / max(1, len(files)):.2f}")
