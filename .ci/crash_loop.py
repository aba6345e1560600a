#!/usr/bin/env python3
"""Crash loop: the durability promise under kill -9 (issue 10, group commit).

Starts the jar on 127.0.0.1 with a temp data dir, POSTs articles from several concurrent clients
(each recording the id of every article acknowledged with 201/200), kills the JVM with SIGKILL
mid-stream, restarts it on the same data dir, and checks that

  * every acknowledged article is stored (GET /api/articles/<id> answers 200 after the restart),
  * none is stored twice: POSTing an acknowledged text again answers 200 with the same id, and the
    database holds each acknowledged id once (read with sqlite3 after a clean stop).

A few cycles, then a clean stop; every wait is bounded. Prints one line per cycle and exits 1 on
any loss or double. Only 127.0.0.1 is bound or contacted.

usage: crash_loop.py JAR [CYCLES] [CLIENTS]
"""
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

TOKEN = "crash-loop-token"
WORDS = ("ketamine clinic patients depression infusion trial dose anxiety therapy research "
         "psychiatrist hospital results weeks symptoms relief treatment study outcome").split()


def spare_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def text_of(key):
    """A unique article of ~1.5 KB: a title line and paragraphs carrying the key."""
    rnd = random.Random(key)
    paras = []
    for p in range(4):
        words = [rnd.choice(WORDS) for _ in range(45)]
        paras.append(f"Report {key} part {p}: " + " ".join(words).capitalize() + ".")
    return f"Crash loop article {key}\n\n" + "\n\n".join(paras) + "\n"


def request(base, method, path, body=None, timeout=30):
    req = urllib.request.Request(base + path, data=body, method=method)
    req.add_header("Authorization", "Bearer " + TOKEN)
    if body is not None:
        req.add_header("Content-Type", "text/plain; charset=utf-8")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def post(base, key):
    return request(base, "POST", "/api/articles", text_of(key).encode())


class Server:
    def __init__(self, jar, data, port, log):
        env = dict(os.environ, TRIBUTARY_HTTP_HOST="127.0.0.1", TRIBUTARY_HTTP_PORT=str(port),
                   TRIBUTARY_HTTP_PUBLICURL=f"http://127.0.0.1:{port}",
                   TRIBUTARY_DATA_DIR=data, TRIBUTARY_INBOX_DIR=os.path.join(data, "inbox"),
                   TRIBUTARY_API_TOKEN=TOKEN)
        self.proc = subprocess.Popen(["java", "-Xmx256m", "-jar", jar], env=env,
                                     stdout=log, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{port}"

    def wait_ready(self, seconds=90):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}")
            try:
                if request(self.base, "GET", "/health/ready", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("server not ready in time")

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill9()


def client(base, name, acked, stop, lock):
    i = 0
    while not stop.is_set():
        key = f"{name}-{i}"
        i += 1
        try:
            status, body = post(base, key)
        except OSError:
            return  # the server is gone (killed): stop this client
        if status in (200, 201):
            with lock:
                acked[key] = json.loads(body)["id"]
        elif status != 503:
            print(f"  unexpected {status} for {key}: {body[:200]!r}")


def main():
    jar = sys.argv[1]
    cycles = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 8
    rnd = random.Random(10)
    work = tempfile.mkdtemp(prefix="tributary-crash.")
    data = os.path.join(work, "data")
    acked = {}  # key -> id, every article acknowledged in any cycle
    lock = threading.Lock()
    bad = 0
    with open(os.path.join(work, "server.log"), "ab") as log:
        for cycle in range(1, cycles + 1):
            server = Server(jar, data, spare_port(), log)
            try:
                server.wait_ready()
                # what earlier cycles acknowledged must be there, once
                lost = [k for k, i in acked.items()
                        if request(server.base, "GET", "/api/articles/" + i)[0] != 200]
                sample = rnd.sample(sorted(acked), min(len(acked), 200))
                doubled = []
                for k in sample:
                    status, body = post(server.base, k)
                    if status != 200 or json.loads(body)["id"] != acked[k]:
                        doubled.append((k, status))
                before = len(acked)
                stop = threading.Event()
                threads = [threading.Thread(target=client,
                                            args=(server.base, f"c{cycle}.{n}", acked, stop, lock))
                           for n in range(clients)]
                for t in threads:
                    t.start()
                time.sleep(rnd.uniform(2.0, 4.0))  # let the writes run, then crash mid-stream
                server.kill9()
                stop.set()
                for t in threads:
                    t.join(timeout=60)
                print(f"cycle {cycle}: {len(lost)} lost and {len(doubled)} stored twice of "
                      f"{before} acknowledged before; {len(acked) - before} acknowledged, then kill -9")
                bad += len(lost) + len(doubled)
                for k in lost[:5]:
                    print(f"  lost: {k} ({acked[k]})")
                for k, status in doubled[:5]:
                    print(f"  re-POST of {k} answered {status}, not 200 with the stored id")
            finally:
                server.stop()
        # the last crash: restart, check, stop cleanly and read the file itself
        server = Server(jar, data, spare_port(), log)
        try:
            server.wait_ready()
            lost = [k for k, i in acked.items()
                    if request(server.base, "GET", "/api/articles/" + i)[0] != 200]
        finally:
            server.stop()
        db = sqlite3.connect(os.path.join(data, "tributary.db"))
        counts = dict(db.execute("SELECT id, COUNT(*) FROM articles GROUP BY id"))
        db.close()
        twice = [i for i in acked.values() if counts.get(i, 0) != 1]
        print(f"after the last crash: {len(lost)} of {len(acked)} acknowledged lost; "
              f"{len(twice)} not stored exactly once; {len(counts)} rows in all")
        bad += len(lost) + len(twice)
    if bad or not acked:
        print(f"FAILED (server log: {work}/server.log)" if acked else "FAILED: nothing acknowledged")
        sys.exit(1)
    subprocess.run(["rm", "-rf", work], check=False)


if __name__ == "__main__":
    main()
