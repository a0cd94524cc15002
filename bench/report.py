#!/usr/bin/env python3
"""Turns bench/run's raw measurements into a table (stdout) and bench/results/latest.{json,md,svg}.

report.py --raw DIR --out DIR --root REPO. Exits with 1 if an engine's checksum differs from
native's.
"""
import argparse
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
from collections import OrderedDict

ENGINES = ["native", "syncwasm-metered", "syncwasm-unmetered", "node", "node-liftoff", "wasm-interp"]
COLORS = {"syncwasm-metered": "#d62728", "syncwasm-unmetered": "#ff9896", "node": "#1f77b4",
          "node-liftoff": "#aec7e8", "wasm-interp": "#7f7f7f"}

ap = argparse.ArgumentParser()
ap.add_argument("--raw", required=True)
ap.add_argument("--out", required=True)
ap.add_argument("--root", required=True)
args = ap.parse_args()


def cmd(*c):
    try:
        return subprocess.run(c, capture_output=True, text=True, cwd=args.root).stdout.strip()
    except OSError:
        return ""


def read(name):
    p = os.path.join(args.raw, name)
    return open(p).read().splitlines() if os.path.exists(p) else []


# ---- runs ----
runs = OrderedDict()  # workload -> engine -> {status, times_ms, result, ...}
mismatches_between_rounds = []
for line in read("runs"):
    parts = line.split()
    w, e, kind = parts[0], parts[1], parts[2]
    runs.setdefault(w, OrderedDict())
    if kind in ("na", "failed"):
        if e not in runs[w]:  # a failure in any round counts; otherwise keep the other rounds' runs
            runs[w][e] = {"status": kind}
        elif kind == "failed":
            runs[w][e]["status"] = kind
        continue
    d = runs[w].setdefault(e, {"status": "ok"})
    if kind == "times_ms":  # rounds append
        d["times_ms"] = d.get("times_ms", []) + [float(x) for x in parts[3:]]
    elif kind == "result":
        r = str(int(parts[3]) % (1 << 64))
        if d.get("result", r) != r:
            d["status"] = "failed"
            mismatches_between_rounds.append(f"{w}/{e}: {d['result']} then {r}")
        d["result"] = r
    elif kind == "metered_ops":
        d["metered_ops"] = int(parts[3])

mismatches = list(mismatches_between_rounds)
for w, engines in runs.items():
    native = engines.get("native", {})
    base = statistics.median(native["times_ms"]) if native.get("times_ms") else None
    for e, d in engines.items():
        if d["status"] != "ok":
            continue
        t = d["times_ms"]
        d["median_ms"], d["min_ms"], d["max_ms"] = statistics.median(t), min(t), max(t)
        d["vs_native"] = d["median_ms"] / base if base else None
        if d.get("metered_ops"):
            d["ns_per_metered_op"] = d["median_ms"] * 1e6 / d["metered_ops"]
        if native.get("result") is not None and d.get("result") != native["result"]:
            d["checksum_ok"] = False
            mismatches.append(f"{w}/{e}: {d.get('result')} != native {native['result']}")
        else:
            d["checksum_ok"] = True


def geomean(engine):
    ratios = [e[engine]["vs_native"] for e in runs.values() if e.get(engine, {}).get("vs_native")]
    if not ratios or len(ratios) != len(runs):
        return None
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios))


geomeans = OrderedDict((e, geomean(e)) for e in ENGINES[1:])

# ---- translation ----
translation = OrderedDict()
for line in read("translate"):
    w, mode, key, value = line.split()
    translation.setdefault(f"{w}" if mode == "metered" else f"{w} ({mode})", {})[key] = float(value)

# ---- micro benchmarks ----
micro = OrderedDict()
mpath = os.path.join(args.raw, "micro.json")
if os.path.exists(mpath):
    mj = json.load(open(mpath))
    scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}
    med = {}
    for b in mj["benchmarks"]:
        if b.get("aggregate_name") == "median":
            med[b["run_name"]] = b
    ns = lambda b: b["real_time"] * scale[b["time_unit"]]
    if "BM_CalleeStart" in med:
        micro["callee_start_us"] = ns(med["BM_CalleeStart"]) / 1e3
    if "BM_SyncRoundTrip/0" in med and "BM_SyncRoundTrip/1000" in med:
        t0, t1 = ns(med["BM_SyncRoundTrip/0"]), ns(med["BM_SyncRoundTrip/1000"])
        micro["sync_run_fixed_us"] = t0 / 1e3
        micro["sync_round_trip_ns"] = (t1 - t0) / 1000
    if "BM_SyncRoundTripMinimal/0" in med and "BM_SyncRoundTripMinimal/1000" in med:
        t0, t1 = ns(med["BM_SyncRoundTripMinimal/0"]), ns(med["BM_SyncRoundTripMinimal/1000"])
        micro["sync_round_trip_minimal_ns"] = (t1 - t0) / 1000
    if "BM_HostCall/0" in med and "BM_HostCall/1" in med:
        micro["host_call_ns"] = (ns(med["BM_HostCall/1"]) - ns(med["BM_HostCall/0"])) / 1e6
    if "BM_Translate" in med and "bytes_per_second" in med["BM_Translate"]:
        micro["translate_contract_mb_s"] = med["BM_Translate"]["bytes_per_second"] / 1e6
    if "BM_EngineSuspendResume" in med:
        micro["engine_suspend_resume_ns"] = ns(med["BM_EngineSuspendResume"])
    mem_path = os.path.join(args.raw, "micro_memory.json")
    for b in json.load(open(mem_path))["benchmarks"] if os.path.exists(mem_path) else []:
        if "bytes_per_suspended_callee" in b:
            micro["suspended_callee_bytes"] = b["bytes_per_suspended_callee"]
    if "BM_MeteredInstruction" in med:
        micro["metered_instruction_ns"] = 1e9 / med["BM_MeteredInstruction"]["items_per_second"]

# ---- machine ----
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
mhz = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("cpu MHz")), "?")
meta = dict(l.split(" ", 1) for l in read("meta"))
machine = OrderedDict(
    nproc=os.cpu_count(), cpu=cpu, cpu_mhz=mhz, kernel=platform.release(),
    clang=cmd("clang", "--version").splitlines()[0] if cmd("clang", "--version") else "?",
    node=cmd("node", "--version"), wasm_interp=cmd("wasm-interp", "--version"),
    load_before=meta.get("load_before", "?"), load_after=meta.get("load_after", "?"))
commit = cmd("git", "rev-parse", "--short", "HEAD")
dirty = bool(cmd("git", "status", "--porcelain", "--untracked-files=no"))

report = OrderedDict(
    date=datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
    commit=commit + ("+dirty" if dirty else ""), machine=machine, workloads=runs,
    geomean_vs_native=geomeans, translation=translation, micro=micro, checksum_mismatches=mismatches)

# ---- text table ----
def fmt(x, nd=1):
    return "n/a" if x is None else f"{x:.{nd}f}"


lines = []
lines.append(f"{'workload':10} {'engine':19} {'median ms':>10} {'min ms':>10} {'max ms':>10} {'x native':>9}  runs  ns/op")
for w, engines in runs.items():
    for i, e in enumerate(ENGINES):
        d = engines.get(e)
        if d is None:
            continue
        name = w if i == 0 else ""
        if d["status"] != "ok":
            lines.append(f"{name:10} {e:19} {'n/a':>10} {'':>10} {'':>10} {'':>9}  {d['status']}")
            continue
        flag = "" if d["checksum_ok"] else "  CHECKSUM MISMATCH"
        lines.append(f"{name:10} {e:19} {d['median_ms']:10.1f} {d['min_ms']:10.1f} {d['max_ms']:10.1f} "
                     f"{fmt(d['vs_native'], 2):>9}  {len(d['times_ms']):4}"
                     + (f"  {d['ns_per_metered_op']:5.2f}" if d.get("ns_per_metered_op") else "") + flag)
lines.append("")
lines.append("geometric mean vs native: " + ", ".join(f"{e} {fmt(g, 2)}" for e, g in geomeans.items()))
print("\n".join(lines))
print()
for w, t in translation.items():
    print(f"translation {w:18} {t['code_bytes'] / 1e3:9.1f} kB code: compile {t['compile_code_mb_s']:7.1f} MB/s "
          f"(best {t['compile_best_code_mb_s']:.1f}), validate only {t['validate_code_mb_s']:7.1f} MB/s "
          f"(best {t['validate_best_code_mb_s']:.1f})")
for k, v in micro.items():
    print(f"{k} {v:.3f}")
for m in mismatches:
    print("CHECKSUM MISMATCH " + m)

# ---- markdown ----
md = [f"Run {report['date']} at commit {report['commit']} on {cpu} ({machine['nproc']} cores); "
      f"load average before/after: {machine['load_before']} / {machine['load_after']}.", ""]
md.append("| workload | engine | median ms | min ms | max ms | × native | ns per metered op |")
md.append("|---|---|---:|---:|---:|---:|---:|")
for w, engines in runs.items():
    for i, e in enumerate(ENGINES):
        d = engines.get(e)
        if d is None:
            continue
        name = w if i == 0 else ""
        if d["status"] != "ok":
            md.append(f"| {name} | {e} | n/a | | | | |")
        else:
            md.append(f"| {name} | {e} | {d['median_ms']:.1f} | {d['min_ms']:.1f} | {d['max_ms']:.1f} | "
                      f"{fmt(d['vs_native'], 2)} | "
                      + (f"{d['ns_per_metered_op']:.2f} ({d['metered_ops'] / 1e9:.2f} G ops)" if d.get("ns_per_metered_op") else "")
                      + " |")
md.append("")
md.append("Geometric mean of median time / native: " +
          ", ".join(f"{e} **{fmt(g, 2)}×**" if e == "syncwasm-metered" else f"{e} {fmt(g, 2)}×"
                    for e, g in geomeans.items()) + ".")
md.append("")
md.append("| module | code bytes | decode+validate+translate MB/s: median (best) | decode+validate only MB/s: median (best) |")
md.append("|---|---:|---:|---:|")
for w, t in translation.items():
    md.append(f"| {w} | {int(t['code_bytes'])} | {t['compile_code_mb_s']:.1f} ({t['compile_best_code_mb_s']:.1f}) | "
              f"{t['validate_code_mb_s']:.1f} ({t['validate_best_code_mb_s']:.1f}) |")
if micro:
    md.append("")
    names = {"sync_round_trip_ns": "BM_SyncRoundTrip: ns per callback + resume ((t(1000) − t(0)) / 1000)",
             "sync_round_trip_minimal_ns": "BM_SyncRoundTripMinimal: ns per callback + resume, minimal caller",
             "host_call_ns": "BM_HostCall: ns per NEAR host call from wasm (block_index; (t(1) − t(0)) / 10^6)",
             "translate_contract_mb_s": "BM_Translate: MB/s translating the sync driver contract (whole module)",
             "engine_suspend_resume_ns": "BM_EngineSuspendResume: ns per host suspend + embedder resume (engine only)",
             "suspended_callee_bytes": "BM_SuspendedCalleeMemory: resident bytes per suspended callee",
             "sync_run_fixed_us": "BM_SyncRoundTrip/0: µs for a driver run with no resume",
             "callee_start_us": "BM_CalleeStart: µs per callee start",
             "metered_instruction_ns": "BM_MeteredInstruction: ns per metered instruction"}
    md.append("| micro benchmark (sync_bench, median of 3) | value |")
    md.append("|---|---:|")
    for k, v in micro.items():
        md.append(f"| {names.get(k, k)} | {v:.2f} |")
gas_path = os.path.join(args.raw, "gas_parity")
if os.path.exists(gas_path):
    md.append("")
    md.append("Gas of the shuffle workload as a contract, as a v1 submodule and as a namespace called synchronously "
              "by a parent contract (bench/gas_parity, deterministic):")
    md.append("")
    md.append("```")
    md.extend(l.rstrip("\n") for l in open(gas_path))
    md.append("```")
if mismatches:
    md.append("")
    md.append("**Checksum mismatches:** " + "; ".join(mismatches))

# ---- SVG: grouped bars of time / native on a log scale ----
def svg_chart():
    engines = ENGINES[1:]
    wnames = list(runs.keys())
    ratios = [d["vs_native"] for e in runs.values() for d in e.values() if d.get("vs_native")]
    top = 10 ** math.ceil(math.log10(max(ratios + [10])))
    bottom = 10 ** math.floor(math.log10(min(ratios + [1])))
    W, H, left, right, topm, botm = 900, 460, 70, 190, 40, 60
    pw, ph = W - left - right, H - topm - botm
    y = lambda r: topm + ph * (1 - (math.log10(r) - math.log10(bottom)) / (math.log10(top) - math.log10(bottom)))
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{left}" y="22" font-size="15">Run time relative to native (median, log scale; lower is better)</text>']
    d = bottom
    while d <= top * 1.0001:
        for m in (1, 2, 5):
            v = d * m
            if v > top * 1.0001:
                break
            yy = y(v)
            out.append(f'<line x1="{left}" x2="{left + pw}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{"#bbb" if m == 1 else "#eee"}"/>')
            out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">{v:g}×</text>')
        d *= 10
    if bottom <= 10 <= top:  # the target for syncwasm metered (geometric mean)
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y(10):.1f}" y2="{y(10):.1f}" stroke="#d62728" '
                   f'stroke-dasharray="6 4"/>')
        out.append(f'<text x="{left + pw + 4}" y="{y(10) + 4:.1f}" fill="#d62728" font-size="10">10× target</text>')
    gw = pw / max(1, len(wnames))
    bw = gw * 0.8 / len(engines)
    for i, w in enumerate(wnames):
        x0 = left + i * gw + gw * 0.1
        for j, e in enumerate(engines):
            dd = runs[w].get(e, {})
            x = x0 + j * bw
            if dd.get("vs_native"):
                yy = y(dd["vs_native"])
                out.append(f'<rect x="{x:.1f}" y="{yy:.1f}" width="{bw - 2:.1f}" height="{topm + ph - yy:.1f}" '
                           f'fill="{COLORS[e]}"><title>{w} {e}: {dd["vs_native"]:.2f}× native '
                           f'({dd["median_ms"]:.1f} ms)</title></rect>')
                out.append(f'<text x="{x + bw / 2 - 1:.1f}" y="{yy - 3:.1f}" text-anchor="middle" font-size="9">'
                           f'{dd["vs_native"]:.1f}</text>' if dd["vs_native"] < 10 else f'{dd["vs_native"]:.0f}</text>')
            else:
                out.append(f'<text x="{x + bw / 2 - 1:.1f}" y="{topm + ph - 4:.1f}" text-anchor="middle" '
                           f'font-size="9" transform="rotate(-90 {x + bw / 2 - 1:.1f} {topm + ph - 4:.1f})">n/a</text>')
        out.append(f'<text x="{left + i * gw + gw / 2:.1f}" y="{topm + ph + 18}" text-anchor="middle">{w}</text>')
    out.append(f'<line x1="{left}" x2="{left + pw}" y1="{topm + ph}" y2="{topm + ph}" stroke="black"/>')
    for j, e in enumerate(engines):
        ly = topm + 10 + j * 20
        out.append(f'<rect x="{left + pw + 15}" y="{ly}" width="12" height="12" fill="{COLORS[e]}"/>')
        out.append(f'<text x="{left + pw + 32}" y="{ly + 10}">{e}</text>')
    g = geomeans.get("syncwasm-metered")
    out.append(f'<text x="{left}" y="{H - 15}">{cpu}, {machine["nproc"]} cores, commit {report["commit"]}; '
               f'syncwasm metered geomean {fmt(g, 2)}× native</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


os.makedirs(args.out, exist_ok=True)
with open(os.path.join(args.out, "latest.json"), "w") as f:
    json.dump(report, f, indent=2)
    f.write("\n")
with open(os.path.join(args.out, "latest.md"), "w") as f:
    f.write("\n".join(md) + "\n")
if runs:
    with open(os.path.join(args.out, "latest.svg"), "w") as f:
        f.write(svg_chart())
print(f"\nwrote {args.out}/latest.json, latest.md" + (", latest.svg" if runs else ""))
raise SystemExit(1 if mismatches else 0)
