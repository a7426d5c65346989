#!/usr/bin/env python3
"""Read benchmark: `parkstat inspect` against python-calamine, fastexcel and the C floor
(libzip + libxml2 SAX2, `limit_reader sax`), measured side by side in one run.

    sh bench/setup.sh            # once: peers, C floor, data
    python3 bench/read_bench.py [--runs N] [--only big|small]

Prints, per workbook set, the median wall time and peak RSS of each reader and the ratios the
issue sets as targets. Nothing here is a test: the figures vary with the machine, the ratios less.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PEERS = os.path.join(HERE, "peers")
ROOT = os.path.dirname(HERE)
BIN = os.path.join(ROOT, ".build", "release", "parkstat")


def measure(cmd, runs):
    """Median wall seconds and max peak RSS (MiB) over runs, via GNU time."""
    walls, rss = [], []
    for _ in range(runs):
        p = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, cwd=PEERS,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if p.returncode != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{p.stderr[-2000:]}")
        wall, kb = p.stderr.strip().splitlines()[-1].split()
        walls.append(float(wall))
        rss.append(int(kb) / 1024)
    return statistics.median(walls), max(rss)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", choices=["big", "small"])
    args = ap.parse_args()
    if not os.path.exists(BIN):
        raise SystemExit("先运行 swift build -c release")
    sets = {
        "big": ("data/big.xlsx (1,000,000 × 12)", {
            "parkstat": [BIN, "inspect", "data/big.xlsx"],
            "fastexcel": [sys.executable, "read_fastexcel.py", "data/big.xlsx"],
            "calamine": [sys.executable, "read_calamine.py", "data/big.xlsx"],
            "C SAX floor": ["build/limit_reader", "sax", "data/big.xlsx"],
        }, {"fastexcel": 0.8, "calamine": 0.35, "C SAX floor": 1.3}),
        "small": ("data/small (2,000 workbooks)", {
            # The folder, as the peers get it: parsing 2,000 positional arguments alone costs seconds.
            "parkstat": [BIN, "inspect", "data/small"],
            "fastexcel": [sys.executable, "read_fastexcel.py", "--header-row", "1", "data/small"],
            "calamine": [sys.executable, "read_calamine.py", "data/small"],
            "C SAX floor": ["build/limit_reader", "sax", "data/small"],
        }, {"fastexcel": 0.6}),
    }
    for key, (label, cmds, targets) in sets.items():
        if args.only and key != args.only:
            continue
        print(f"\n== {label}, median of {args.runs} runs")
        results = {name: measure(cmd, args.runs) for name, cmd in cmds.items()}
        for name, (wall, rss) in results.items():
            print(f"  {name:12s} {wall:8.2f} s  {rss:8.1f} MiB")
        ours = results["parkstat"][0]
        for peer, target in targets.items():
            ratio = ours / results[peer][0]
            verdict = "ok" if ratio <= target else "MISSED"
            print(f"  parkstat / {peer:12s} = {ratio:.2f}  (target ≤ {target})  {verdict}")
        if key == "big":
            print(f"  parkstat peak RSS {results['parkstat'][1]:.1f} MiB (target ≤ 64)")


if __name__ == "__main__":
    main()
