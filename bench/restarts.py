#!/usr/bin/env python3
"""Starts Tributary on a data dir already filled (by `tributary ingest`) 1 + RESTARTS times, one
after the other, and times each start until GET /health/ready answers 200 (polled every 10 ms),
and until the log says the corpus statistics are loaded ("Corpus statistics: …", seen as it is
written). Checks that tagging right after a restart is as good as before it:

  start 0, once its corpus statistics are loaded: POST probe v0 ("before"), POST probe v1 (a
    control: the same words, one more stored article in the statistics), and explain v0
    (GET /api/articles/{id}?explain=true);
  each restart, at once when ready: POST probe v(k+1) and explain v0 again.

The probes are one fixed text (samples/articles/000_*.txt) with a closing line "Q<k>." that only
keeps the store from taking them for duplicates (a 2-character word: never a keyphrase). Their
topics (slug, score) and tags (keyphrases included) are compared with the previous probe's, and
the explanation with start 0's; each probe adds one article to the statistics, which the control
shows the effect of. Prints one line per start and writes OUT/restarts.txt and OUT/probes.json.
Each start's server log is OUT/restart-<k>.log. JAVA_OPTS (environment) adds JVM options to every
start. Stops every server it started (SIGTERM, then
SIGKILL after 30 s).

usage: restarts.py JAR DATA_DIR HEAP RESTARTS OUT
"""
import glob
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time

jar, data, heap, restarts, out = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
READY_TIMEOUT = float(os.environ.get("READY_TIMEOUT", "300"))
JAVA_OPTS = os.environ.get("JAVA_OPTS", "").split()  # e.g. -XX:SharedArchiveFile=… (CDS=1 in ingest.sh)
CORPUS_TIMEOUT = float(os.environ.get("CORPUS_TIMEOUT", "3600"))
TOKEN = "bench-restart-token"
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
probe_text = open(sorted(glob.glob(os.path.join(root, "samples/articles/000_*.txt")))[0],
                  encoding="utf-8").read().rstrip()
corpus_line = re.compile(r"Corpus statistics: (\d+) articles, (\d+) stems read, (\d+) counted")


def spare_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def request(port, method, path, body=None, headers=None, timeout=60):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def post_probe(port, k):
    status, body = request(port, "POST", "/api/articles?title=Probe", (probe_text + "\n\nQ%d.\n" % k).encode(),
                           {"Content-Type": "text/plain", "Authorization": "Bearer " + TOKEN})
    if status not in (200, 201):
        raise RuntimeError("probe %d: HTTP %d %s" % (k, status, body[:200]))
    a = json.loads(body)
    return {"id": a["id"], "created": status == 201,
            "topics": [[t["slug"], t["score"]] for t in a["topics"]], "tags": a["tags"]}


def explain(port, article_id):
    status, body = request(port, "GET", "/api/articles/%s?explain=true" % article_id)
    if status != 200:
        raise RuntimeError("explain: HTTP %d %s" % (status, body[:200]))
    return json.loads(body)["explanation"]


def rss_mb(pid, field):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def heap_after_gc(pid):
    try:
        subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, timeout=60)
        info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True,
                              timeout=60).stdout
        m = re.search(r"total.*?used (\d+)K", info)
        return int(m.group(1)) / 1024 if m else None
    except (OSError, subprocess.SubprocessError):
        return None


def diff(a, b):
    """'identical', or what differs between two probe answers."""
    parts = []
    if [t[0] for t in a["topics"]] != [t[0] for t in b["topics"]]:
        parts.append("topics %s -> %s" % ([t[0] for t in a["topics"]], [t[0] for t in b["topics"]]))
    elif a["topics"] != b["topics"]:
        parts.append("scores %s -> %s" % (a["topics"], b["topics"]))
    if a["tags"] != b["tags"]:
        parts.append("tags %s -> %s" % (a["tags"], b["tags"]))
    return "; ".join(parts) or "identical"


def start(k):
    port = spare_port()
    env = dict(os.environ, TRIBUTARY_HTTP_HOST="127.0.0.1", TRIBUTARY_HTTP_PORT=str(port),
               TRIBUTARY_HTTP_PUBLICURL="http://127.0.0.1:%d" % port, TRIBUTARY_DATA_DIR=data,
               TRIBUTARY_INBOX_DIR=os.path.join(data, "inbox"), TRIBUTARY_API_TOKEN=TOKEN)
    log_path = os.path.join(out, "restart-%d.log" % k)
    log = open(log_path, "w")
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", "-Xmx" + heap, *JAVA_OPTS, "-jar", jar], stdout=log,
                            stderr=subprocess.STDOUT, env=env)
    return proc, port, log_path, t0


def wait_ready(proc, port, t0):
    while time.monotonic() - t0 < READY_TIMEOUT:
        if proc.poll() is not None:
            raise RuntimeError("server exited with %d before it was ready" % proc.returncode)
        try:
            if request(port, "GET", "/health/ready", timeout=1)[0] == 200:
                return time.monotonic() - t0
        except OSError:
            pass
        time.sleep(0.01)
    raise RuntimeError("not ready after %.0f s" % READY_TIMEOUT)


def wait_corpus(proc, log_path, t0):
    while time.monotonic() - t0 < CORPUS_TIMEOUT:
        with open(log_path, encoding="utf-8", errors="replace") as f:
            m = corpus_line.search(f.read())
        if m:
            return time.monotonic() - t0, m.groups()
        if proc.poll() is not None:
            raise RuntimeError("server exited with %d" % proc.returncode)
        time.sleep(0.05)
    raise RuntimeError("corpus statistics not loaded after %.0f s" % CORPUS_TIMEOUT)


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


rows, probes = [], {}
proc = None
try:
    for k in range(restarts + 1):
        proc, port, log_path, t0 = start(k)
        ready = wait_ready(proc, port, t0)
        row = {"start": k, "ready_s": round(ready, 3)}
        if k > 0:  # at once: the restart's first tagging
            p = post_probe(port, k + 1)
            e = explain(port, probes["v0"]["id"])
            row["probe"] = diff(probes["previous"], p)
            row["probe_vs_before"] = diff(probes["v0"], p)
            row["explain"] = "identical" if e == probes["explain_v0"] else "differs"
            probes["v%d" % (k + 1)] = p
            probes["explain_v0_after_%d" % k] = e
            probes["previous"] = p
        corpus_s, (docs, stems, counted) = wait_corpus(proc, log_path, t0)
        row.update(corpus_s=round(corpus_s, 3), documents=int(docs), stems=int(stems),
                   counted_above_watermark=int(counted))
        if k == 0:  # before: with the statistics loaded
            probes["v0"] = post_probe(port, 0)
            probes["v1"] = post_probe(port, 1)
            probes["explain_v0"] = explain(port, probes["v0"]["id"])
            probes["previous"] = probes["v1"]
            row["control"] = diff(probes["v0"], probes["v1"])
        row["rss_mb"] = rss_mb(proc.pid, "VmRSS")
        row["peak_rss_mb"] = rss_mb(proc.pid, "VmHWM")
        row["heap_mb"] = heap_after_gc(proc.pid)
        stop(proc)
        rows.append(row)
        print(json.dumps(row), flush=True)
finally:
    if proc is not None:
        stop(proc)
    with open(os.path.join(out, "probes.json"), "w") as f:
        json.dump(probes, f, indent=1)
    with open(os.path.join(out, "restarts.txt"), "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
