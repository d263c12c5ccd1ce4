#!/usr/bin/env python3
"""Turns the raw figures bench/run collected (one JSON object per line) into the results table, with each scenario
against its target and, for HTTP scenarios, as a ratio to the baseline server measured in the same run."""
import json
import sys
from datetime import datetime, timezone

from machine import machine

raw_path, md_path, json_path = sys.argv[1:4]
rows = [json.loads(line) for line in open(raw_path) if line.strip()]
by = {row["scenario"]: row for row in rows}


def wrk(name):
    return by.get(name, {}).get("wrk", {})


def verdict(ok):
    return "met" if ok else "**missed**"




def per_request_ms(name, key):
    row, requests = by.get(name, {}), wrk(name).get("requests", 0)
    return 1000 * row[key] / requests if key in row and requests else None


def ms(value):
    return f"{value:.2f}" if value is not None else "—"


lines = [
    "# Benchmark results",
    "",
    f"Run {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on {machine()}; "
    "wrk pinned to core 1 (one thread), the servers unpinned; PostgreSQL, SFTP (embedded MINA SSHD) and a "
    "KRaft Kafka broker on the same machine.",
    "",
    "Each HTTP scenario against two anchors measured in the same run: the **baseline** (bench/Baseline.java, the "
    "adapter's captured answers replayed: the limit of this machine, its loopback and wrk) and the **floor** "
    "(bench/Floor.java, the adapter's SQL for the scenario on plain JDBC behind the JDK's HTTP server: the same "
    "database work with no framework). CPU per request is the server's own and PostgreSQL's (every postgres "
    "process), from /proc over the run.",
    "",
    "| scenario | throughput | vs baseline | vs floor | p50 / p99 / max (ms) | errors | CPU ms/request: adapter + PostgreSQL | floor's: server + PostgreSQL | target | |",
    "|---|---|---|---|---|---|---|---|---|---|",
]


def ratio(name, anchor):
    w, a = wrk(name), wrk(anchor) if anchor else {}
    return f"{w.get('rps', 0) / a['rps']:.2f} × ({a['rps']:.0f}/s)" if a.get("rps") else "—"


def http_row(label, name, baseline, floor, target_text, ok):
    w = wrk(name)
    floor_cpu = (f"{ms(per_request_ms(floor, 'server_cpu_s'))} + {ms(per_request_ms(floor, 'postgres_cpu_s'))}"
                 if floor else "—")
    lines.append(
        f"| {label} | {w.get('rps', 0):.0f} req/s | {ratio(name, baseline)} | {ratio(name, floor)} | "
        f"{w.get('p50_ms', 0):.1f} / {w.get('p99_ms', 0):.1f} / {w.get('max_ms', 0):.0f} | "
        f"{w.get('socket_errors', 0) + w.get('non_2xx', 0)} | "
        f"{ms(per_request_ms(name, 'server_cpu_s'))} + {ms(per_request_ms(name, 'postgres_cpu_s'))} | {floor_cpu} | "
        f"{target_text} | {verdict(ok)} |")


def cpu_at_most(name, limit):
    value = per_request_ms(name, "server_cpu_s")
    return value is not None and value <= limit


loc, loc_b = wrk("locations"), wrk("baseline-locations")
http_row("1. GET locations (limit 100, random offsets/dates)", "locations", "baseline-locations", "floor-locations",
         "≥ 0.5 × baseline, p99 < 50 ms, ≤ 0.35 ms adapter CPU",
         bool(loc_b.get("rps")) and loc.get("rps", 0) >= 0.5 * loc_b["rps"] and loc.get("p99_ms", 1e9) < 50
         and cpu_at_most("locations", 0.35))
auth, auth_f = wrk("authorize-max"), wrk("floor-authorize")
http_row("2a. authorize, flat out (1,000,000 contracts)", "authorize-max", "baseline-authorize", "floor-authorize",
         "≥ 0.7 × floor, ≤ 0.5 ms adapter CPU",
         bool(auth_f.get("rps")) and auth.get("rps", 0) >= 0.7 * auth_f["rps"] and cpu_at_most("authorize-max", 0.5))
paced = wrk("authorize-1000")
http_row("2b. authorize at ~1,000 req/s", "authorize-1000", None, None, "p99 < 10 ms",
         paced.get("p99_ms", 1e9) < 10 and paced.get("rps", 0) >= 900)
cdr = wrk("cdrs")
http_row("3. CDRs posted", "cdrs", "baseline-cdrs", "floor-cdrs", "≥ 1,000 CDRs/s", cdr.get("rps", 0) >= 1000)

lines += ["", "Errors are socket errors and non-2xx answers; for authorize the non-2xx are the one request in ten that asks "
          "for a card we do not know, answered 404 / OCPI 2004 as it should be."]
lines += ["", "| other scenario | figure | target | |", "|---|---|---|---|"]
sinks = by.get("cdr-sinks", {})
if sinks:
    stored = sinks["stored"]
    complete = min(sinks["billed"], sinks["idoc_files"], sinks["kafka_records"])
    rate = complete / (sinks["all_sinks_ms"] / 1000) if sinks["all_sinks_ms"] else 0
    lines.append(
        f"| 3. CDRs to every sink | {stored} stored, {sinks['billed']} billed ({sinks['billing_duplicates']} twice), "
        f"{sinks['idoc_files']} IDoc files, {sinks['kafka_records']} Kafka records; all sinks done after "
        f"{sinks['all_sinks_ms'] / 1000:.0f} s ({rate:.0f} CDRs/s end to end) | zero loss, ≥ 1,000/s for 60 s | "
        f"{verdict(complete == stored and sinks['billing_duplicates'] == 0 and rate >= 1000)} |")
drain = by.get("push-drain", {})
if drain:
    peer = drain["peer"]
    rate = peer["patches"] / (drain["ms"] / 1000) if drain["ms"] else 0
    pushes = max(peer["patches"], 1)
    lines.append(
        f"| 4. push drain | {peer['patches']} of {drain['queued']} PATCHes in {drain['ms'] / 1000:.0f} s = {rate:.0f}/s, "
        f"{peer['out_of_order']} out of order per EVSE; CPU per push: adapter "
        f"{1000 * drain['server_cpu_s'] / pushes:.2f} ms + PostgreSQL {1000 * drain['postgres_cpu_s'] / pushes:.2f} ms | "
        f"≥ 2,000/s, in order | {verdict(rate >= 2000 and peer['out_of_order'] == 0 and peer['patches'] >= drain['queued'])} |")
for bench in by.get("mappings", {}).get("jmh", []):
    name = bench["benchmark"].rsplit(".", 1)[-1]
    score = bench["primaryMetric"]["score"]
    lines.append(f"| 5. mapping {name} (JMH, 1 thread) | {score:,.0f} objects/s | ≥ 50,000/s | {verdict(score >= 50000)} |")
ready = by.get("start-to-ready", {})
if ready:
    lines.append(f"| 6a. start to ready | {ready['ms'] / 1000:.1f} s | ≤ 6 s | {verdict(ready['ms'] <= 6000)} |")
heap = by.get("heap-after-locations", {})
if heap:
    lines.append(f"| 6b. heap after scenario 1 | {heap['used_mb']} MB used, {heap['live_mb']} MB live after a full GC | "
                 f"≤ 256 MB | {verdict(heap['live_mb'] <= 256)} |")
published = by.get("sites-published", {})
if published:
    lines.append(f"| seeding: 10,000 SQL sites → Locations (billing route) | {published['ms'] / 1000:.1f} s "
                 f"({published['locations'] / (published['ms'] / 1000):.0f}/s) | — | |")

open(md_path, "w").write("\n".join(lines) + "\n")
json.dump(rows, open(json_path, "w"), indent=1)
print("\n".join(lines))
