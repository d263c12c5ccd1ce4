#!/usr/bin/env python3
"""Turns the raw figures bench/soak collected (one JSON object per line) into bench/results/soak.md: each traffic
stream, the heap/threads/memory samples, and every CDR counted in every sink, with a verdict per requirement."""
import json
import sys
from datetime import datetime, timezone

from machine import machine

raw_path, md_path, json_path = sys.argv[1:4]
rows = [json.loads(line) for line in open(raw_path) if line.strip()]
samples = [row for row in rows if row["scenario"] == "soak-sample"]
streams = {row["scenario"][5:]: row["wrk"] for row in rows if row["scenario"] in
           ("soak-locations", "soak-authorize", "soak-sessions", "soak-cdrs")}
end = next(row for row in rows if row["scenario"] == "soak-end")


def verdict(ok):
    return "yes" if ok else "**no**"


# Flat: the last live heap within 25 % (and 16 MB) of the one after the first minute, threads within 10 %: the first
# minute's growth is warm-up (pools filling, classes loading), not a leak.
first, last = samples[1] if len(samples) > 1 else samples[0], samples[-1]
heap_flat = last["live_heap_mb"] <= max(first["live_heap_mb"] * 1.25, first["live_heap_mb"] + 16)
threads_flat = last["threads"] <= first["threads"] * 1.10 + 2
# authorize asks for an unknown card one time in ten: those 404s are answers, not errors.
errors = sum(s["socket_errors"] + (0 if name == "authorize" else s["non_2xx"]) for name, s in streams.items())
sinks_ok = end["billed"] == end["idoc_files"] == end["kafka_records"] == end["cdrs_stored"] and end["billing_duplicates"] == 0

lines = [
    "# Soak results",
    "",
    f"Run {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {machine()}; {last['second']} s of mixed "
    "traffic, the four streams at once (wrk pinned to core 1, each connection paced).",
    "",
    "| stream | requests | rate | p50 / p99 / max (ms) | socket errors | non-2xx (authorize: unknown cards, 404) |",
    "|---|---|---|---|---|---|",
]
names = {"locations": "GET Location pages", "authorize": "authorize", "sessions": "sessions PUT by a CPO",
         "cdrs": "CDRs POSTed (to every sink)"}
for key, label in names.items():
    s = streams.get(key, {})
    lines.append(f"| {label} | {s.get('requests', 0):,} | {s.get('rps', 0):.0f}/s | "
                 f"{s.get('p50_ms', 0):.1f} / {s.get('p99_ms', 0):.1f} / {s.get('max_ms', 0):.0f} | "
                 f"{s.get('socket_errors', 0)} | {s.get('non_2xx', 0)} |")
lines += ["", "| second | live heap (MB, after full GC) | threads | resident memory (MB) |", "|---|---|---|---|"]
lines += [f"| {s['second']} | {s['live_heap_mb']} | {s['threads']} | {s['rss_mb']} |" for s in samples]
lines += [
    "",
    "| requirement | figure | met |",
    "|---|---|---|",
    f"| heap flat | live heap {first['live_heap_mb']} MB after the first minute, {last['live_heap_mb']} MB at the end | {verdict(heap_flat)} |",
    f"| threads flat | {first['threads']} after the first minute, {last['threads']} at the end | {verdict(threads_flat)} |",
    f"| no errors | {errors} failed requests, {end['log_errors']} ERROR lines in the adapter log, {end['dead_letters']} dead letters | "
    f"{verdict(errors == 0 and end['log_errors'] == 0 and end['dead_letters'] == 0)} |",
    f"| CDRs sent = billed, none twice | {end['cdrs_stored']:,} stored, {end['billed']:,} billed, {end['idoc_files']:,} IDoc files, "
    f"{end['kafka_records']:,} Kafka records, {end['billing_duplicates']} duplicates | {verdict(sinks_ok)} |",
    "",
]
open(md_path, "w").write("\n".join(lines))
json.dump(rows, open(json_path, "w"), indent=1)
