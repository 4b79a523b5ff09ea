#!/usr/bin/env python3
"""Runs one command (a `stationmap build ... -o OUTDIR`), samples its resident memory every 0.1 s and notes when
each file of OUTDIR's staging folder first appears; prints the wall time, the peak, and the tiles stage's own
time and peak: from the last file the render stage writes before the tiles (problems.csv) until style.json
(the web map, written right after both tile archives). Linux only (/proc).
   trace_build.py OUTDIR -- COMMAND..."""
import glob, os, subprocess, sys, time

TILE_START_AFTER = ("problems.csv",)  # the render stage's last file, written right before the tiles
TILE_END = "style.json"                           # written right after both tile archives


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    outdir = os.path.abspath(sys.argv[1])
    cmd = sys.argv[sys.argv.index("--") + 1:]
    parent, name = os.path.split(outdir)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples, seen = [], {}
    while proc.poll() is None:
        now = time.monotonic() - start
        samples.append((now, rss_kb(proc.pid)))
        for folder in glob.glob(os.path.join(parent, f".{name}.staging-*")):
            for entry in os.listdir(folder):
                seen.setdefault(entry.split(".tmp-")[0], now)
        time.sleep(0.1)
    wall = time.monotonic() - start
    err = proc.stderr.read().decode(errors="replace").strip().splitlines()
    peak = max((kb for _, kb in samples), default=0)
    print(f"wall {wall:.1f} s, peak {peak / 1024:.0f} MB (sampled), exit {proc.returncode}")
    print("\n".join(line for line in err if "documents read" in line))
    begin = max((t for f, t in seen.items() if f in TILE_START_AFTER), default=None)
    end = seen.get(TILE_END)
    if begin is not None and end is not None:
        window = [kb for t, kb in samples if begin <= t <= end]
        before = [kb for t, kb in samples if t <= begin]
        print(f"tiles stage: {end - begin:.1f} s, peak {max(window, default=0) / 1024:.0f} MB "
              f"(resident when it starts: {(before[-1] if before else 0) / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
