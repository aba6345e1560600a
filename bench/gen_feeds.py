#!/usr/bin/env python3
"""Writes N small feeds for bench/poll.sh: feed-00000.xml ... (even numbers RSS 2.0, odd Atom 1.0),
ENTRIES entries each, every entry with its own GUID/id, link, date and a short varied HTML body
in the samples' domain. Deterministic (seeded). No <ttl>, so the 60 s interval stays in force.

usage: gen_feeds.py DIR N ENTRIES BASE_URL
"""
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

SUBJECTS = ["ketamine", "psilocybin therapy", "cognitive behavioural therapy", "sleep hygiene",
            "lithium", "adolescent anxiety", "postpartum depression", "PTSD in veterans",
            "mindfulness training", "SSRIs", "eating disorders", "ADHD medication", "loneliness",
            "bipolar disorder", "suicide prevention", "exercise and mood", "burnout", "OCD"]
VERBS = ["eases", "worsens", "predicts", "does not change", "halves", "doubles the odds of",
         "is linked to", "shortens", "delays"]
OUTCOMES = ["relapse", "symptom scores", "hospital admissions", "sleep quality", "self-harm",
            "treatment dropout", "school absence", "quality of life", "rumination"]
PLACES = ["Oslo", "Leeds", "Toronto", "Melbourne", "Lyon", "Austin", "Kyoto", "Porto", "Graz"]


def entry_text(rng, f, e):
    s, v, o, p = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OUTCOMES), rng.choice(PLACES)
    n = rng.randint(40, 4000)
    title = f"{s.capitalize()} {v} {o} in {p} study #{f}-{e}"
    body = (f"<p>A trial of {n} people in {p} found that {s} {v} {o} after {rng.randint(2, 52)} "
            f"weeks (feed {f}, entry {e}).</p><p>Researchers said {rng.choice(SUBJECTS)} and "
            f"{rng.choice(OUTCOMES)} need a larger follow-up; {rng.randint(1, 99)}% improved.</p>")
    return title, body


def main():
    out, n, entries, base = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].rstrip("/")
    os.makedirs(out, exist_ok=True)
    rng = random.Random(5)
    t0 = datetime(2026, 11, 1, tzinfo=timezone.utc)
    for f in range(n):
        name = f"feed-{f:05d}.xml"
        items = []
        for e in range(entries):
            title, body = entry_text(rng, f, e)
            when = t0 + timedelta(minutes=f * 7 + e * 61)
            link = f"{base}/posts/{f}/{e}.html"
            guid = f"urn:tributary-bench:feed-{f}:entry-{e}"
            if f % 2 == 0:
                items.append(
                    f"<item><title>{escape(title)}</title><link>{link}</link>"
                    f"<guid isPermaLink=\"false\">{guid}</guid>"
                    f"<pubDate>{when.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate>"
                    f"<description>{escape(body)}</description></item>")
            else:
                items.append(
                    f"<entry><title>{escape(title)}</title><link href=\"{link}\"/><id>{guid}</id>"
                    f"<updated>{when.strftime('%Y-%m-%dT%H:%M:%SZ')}</updated>"
                    f"<content type=\"html\">{escape(body)}</content></entry>")
        if f % 2 == 0:
            doc = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                   f"<title>Bench feed {f}</title><link>{base}/</link>"
                   f"<description>bench feed {f}</description>{''.join(items)}</channel></rss>\n")
        else:
            doc = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                   f"<title>Bench feed {f}</title><id>urn:tributary-bench:feed-{f}</id>"
                   f"<updated>{t0.strftime('%Y-%m-%dT%H:%M:%SZ')}</updated>"
                   f"<link href=\"{base}/\"/>{''.join(items)}</feed>\n")
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(doc)


if __name__ == "__main__":
    main()
