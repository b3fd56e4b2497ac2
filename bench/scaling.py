#!/usr/bin/env python3
"""Does golive's cost grow linearly with its input?  Times it on generated inputs of growing size.

Standard library only; run it with any Python 3.10+.  See bench/README.md.

    python3 bench/scaling.py                 # golive, 3 rounds per size, then the plot
    python3 bench/scaling.py --peers         # also Checkov at the smaller sizes
    python3 bench/scaling.py --sam 47,94     # also SAM applications of 47 and 94 functions
    python3 bench/scaling.py --plot-only     # redraw bench/scaling.png from the last results

Two series, written by bench/generate.py into bench/.generated/scaling/ (git-ignored):
one CloudFormation template of 1,000 to 10,000 resources, and a folder of 500 to 5,000
small templates (5 to 15 resources each); with --sam a third, SAM applications of so many
functions (--sam 47,94,188,376).  Each size is scanned by a fresh
``golive scan DIR --format json --output FILE`` process; the median of --rounds is kept.
The goal (issue "Speed"): 10 times the input costs no more than 12 times the time.

The plot needs matplotlib, which is no dependency of golive: it is drawn by this same
script run with the interpreter of bench/.plot/venv, created on first use
(``pip install matplotlib``; --no-install refuses).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))

import generate  # noqa: E402  (bench/generate.py, beside this script)
from timing import CHECKOV_ENV, capture, log, machine_info, measure, ratio  # noqa: E402

WORK = generate.GENERATED / "scaling"
PLOT_DIR = BENCH_DIR / ".plot"
PLOT_VENV = PLOT_DIR / "venv"
PEERS_BIN = BENCH_DIR / ".peers" / "venv" / "bin"
DEFAULT_OUTPUT = BENCH_DIR / "results" / "scaling.json"
DEFAULT_PNG = BENCH_DIR / "scaling.png"
SINGLE_SIZES = (1000, 2000, 5000, 10000)
FOLDER_SIZES = (500, 1000, 2500, 5000)
GOAL = 12.0  # largest allowed time ratio for 10 times the input


def stats(runs: list[dict[str, Any]]) -> dict[str, Any]:
    secs = [r["seconds"] for r in runs]
    return {
        "median_seconds": round(statistics.median(secs), 3),
        "min_seconds": min(secs),
        "max_seconds": max(secs),
        "median_cpu_seconds": round(statistics.median(r["cpu_seconds"] for r in runs), 3),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in runs),
        "runs": runs,
    }


def timed(
    label: str, cmd: list[str], out: Path, env: dict[str, str], rounds: int, timeout: float
) -> dict[str, Any]:
    runs = []
    for rnd in range(rounds):
        res = measure(cmd, out, env, timeout)
        runs.append(res)
        log(f"  {label:<30} round {rnd + 1}/{rounds} {res['seconds']:8.2f} s")
    return stats(runs)


def golive_cmd(golive: Path, target: Path, report: Path) -> list[str]:
    return [str(golive), "scan", str(target), "--format", "json", "--output", str(report)]


def checkov_cmd(target: Path) -> list[str]:
    return [
        str(PEERS_BIN / "checkov"),
        *("-d", str(target), "--framework", "cloudformation", "-o", "json"),
        *("--quiet", "--skip-download"),
    ]


def golive_counts(report: Path) -> dict[str, Any]:
    try:
        data = json.loads(report.read_text())
    except (OSError, ValueError) as exc:
        return {"unreadable_report": str(exc)[:200]}
    summary = data.get("summary", {})
    return {
        "templates": summary.get("templates"),
        "resources": summary.get("resources"),
        "findings": len(data.get("findings", [])),
        "errors": len(data.get("errors", [])),
    }


def checkov_counts(stdout: Path) -> dict[str, Any]:
    try:
        data = json.loads(stdout.read_text() or "[]")
    except (OSError, ValueError) as exc:
        return {"unreadable_output": str(exc)[:200]}
    reports = data if isinstance(data, list) else [data]
    keys = ("passed", "failed", "parsing_errors", "resource_count")
    return {k: sum(int(r.get("summary", {}).get(k, 0) or 0) for r in reports) for k in keys}


def counts(tool: str, path: Path) -> dict[str, Any]:
    """A tool's counts, read in a child process.

    A large report (the 5,000-template folder makes 400,000 findings) would grow this
    process by hundreds of MB, and Linux carries a process's peak RSS through fork and
    exec into every tool started after it: their ru_maxrss would report ours.
    """
    cmd = [sys.executable, str(Path(__file__).resolve()), "--counts", tool, str(path)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    try:
        result: dict[str, Any] = json.loads(done.stdout)
    except ValueError:
        return {"unreadable_output": done.stderr[-200:]}
    return result


# --------------------------------------------------------------------------- series


def make_input(kind: str, size: int, seed: int) -> tuple[Path, int]:
    """Generate one input; its directory and how many resources it holds."""
    out = WORK / f"{kind}-{size}"
    if kind == "single":
        done = generate.generate("template", out, resources=size, seed=seed)
    elif kind == "folder":
        done = generate.generate("folder", out, templates=size, seed=seed)
    else:  # resources as written; run_series counts them again after the SAM transform
        done = generate.generate("sam", out, functions=size, seed=seed)
        return out, int(done["sam_resources"])
    return out, int(done["resources"])


def run_series(
    kind: str, sizes: list[int], golive: Path, env: dict[str, str], args: argparse.Namespace
) -> list[dict[str, Any]]:
    """Every size in each round (not all rounds of one size in a row), so that a burst of
    other work on the machine spreads over the sizes instead of skewing one of them."""
    peer_cap = {
        "single": args.peer_max_resources,
        "folder": args.peer_max_templates,
        "sam": args.peer_max_functions,
    }[kind]
    inputs: dict[int, tuple[Path, int]] = {}
    commands: dict[tuple[str, int], tuple[list[str], Path]] = {}
    for size in sizes:
        target, resources = make_input(kind, size, args.seed)
        log(f"{kind} {size}: {resources} resources in {target}")
        inputs[size] = (target, resources)
        report = WORK / f"{kind}-{size}.golive.json"
        commands["golive", size] = (golive_cmd(golive, target, report), report)
        if args.peers and size <= peer_cap:
            out = WORK / f"{kind}-{size}.checkov.json"
            commands["checkov", size] = (checkov_cmd(target), out)
    # one untimed run first: bytecode of modules only this series needs, page cache
    measure(commands["golive", sizes[0]][0], WORK / "warmup.out", env, args.timeout)
    rounds = {"golive": args.rounds, "checkov": args.peer_rounds or args.rounds}
    runs: dict[tuple[str, int], list[dict[str, Any]]] = {key: [] for key in commands}
    for rnd in range(max(rounds.values())):
        for (tool, size), (cmd, out) in commands.items():
            if rnd >= rounds[tool]:
                continue
            stdout = out.with_suffix(".out") if tool == "golive" else out
            res = measure(cmd, stdout, env, args.timeout)
            runs[tool, size].append(res)
            log(
                f"  {tool:<7} {kind} {size:<6} round {rnd + 1}/{rounds[tool]} "
                f"{res['seconds']:8.2f} s (cpu {res['cpu_seconds']:.2f}) "
                f"{res['peak_rss_mb']:6.0f} MB exit {res['exit_code']} "
                f"load {res['load1_before']}"
            )
    points = []
    for size, (target, resources) in inputs.items():
        point: dict[str, Any] = {"size": size, "resources": resources, "path": str(target)}
        point["golive"] = stats(runs["golive", size])
        point["golive"]["output"] = counts("golive", commands["golive", size][1])
        if kind == "sam":  # count what CloudFormation deploys, as golive reports it
            point["sam_resources"] = resources
            point["resources"] = point["golive"]["output"].get("resources") or resources
        if ("checkov", size) in runs:
            point["checkov"] = stats(runs["checkov", size])
            point["checkov"]["output"] = counts("checkov", commands["checkov", size][1])
        points.append(point)
    if not args.keep_outputs:  # reports of the largest sizes take hundreds of MB
        for _, out in commands.values():
            for path in (out, out.with_suffix(".out"), out.with_suffix(".stderr")):
                path.unlink(missing_ok=True)
    return points


def summarize(points: list[dict[str, Any]], startup: float) -> dict[str, Any]:
    """Time ratio of the largest to the smallest point, against their size ratio."""
    if len(points) < 2:
        return {}
    first, last = points[0], points[-1]
    t0, t1 = first["golive"]["median_seconds"], last["golive"]["median_seconds"]
    return {
        "sizes": f"{last['size']}/{first['size']}",
        "size_ratio": round(last["size"] / first["size"], 2),
        "resource_ratio": round(last["resources"] / first["resources"], 2),
        "time_ratio": ratio(t1, t0),
        "cpu_ratio": ratio(
            last["golive"]["median_cpu_seconds"], first["golive"]["median_cpu_seconds"]
        ),
        "time_ratio_without_startup": ratio(t1 - startup, t0 - startup),
        "meets_goal": bool(t1 / t0 <= GOAL * (last["size"] / first["size"]) / 10),
        "ms_per_resource": [
            round(1000 * p["golive"]["median_seconds"] / p["resources"], 3) for p in points
        ],
        "checkov_over_golive": {
            str(p["size"]): ratio(p["checkov"]["median_seconds"], p["golive"]["median_seconds"])
            for p in points
            if "checkov" in p
        },
    }


# --------------------------------------------------------------------------- plot


def ensure_plot_python(install: bool) -> Path | None:
    python = PLOT_VENV / "bin" / "python"
    probe = [str(python), "-c", "import matplotlib"]
    if python.exists() and subprocess.run(probe, capture_output=True, check=False).returncode == 0:
        return python
    if not install:
        log(f"plot: matplotlib is not installed in {PLOT_VENV} and --no-install was given")
        return None
    log(f"plot: creating {PLOT_VENV} and installing matplotlib")
    generate.mark_ignored(PLOT_DIR)
    subprocess.run([sys.executable, "-m", "venv", str(PLOT_VENV)], check=True)
    pip = [str(PLOT_VENV / "bin" / "pip"), "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "matplotlib"], check=True)
    return python


def draw(results_path: Path, png: Path) -> None:
    """Runs in bench/.plot/venv: seconds against input size, log-log, one panel per series."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    results = json.loads(results_path.read_text())
    panels = [
        ("single", "one template", "resources in the template"),
        ("folder", "a folder of small templates (5-15 resources)", "templates in the folder"),
        ("sam", "one SAM application", "functions (resources once translated)"),
    ]
    panels = [p for p in panels if results["series"].get(p[0])]
    fig, axes = plt.subplots(
        1, len(panels), figsize=(6 * len(panels), 5.2), constrained_layout=True, squeeze=False
    )
    styles = {"golive": ("tab:blue", "o"), "checkov": ("tab:red", "s")}
    for ax, (kind, title, xlabel) in zip(axes[0], panels, strict=True):
        points = results["series"].get(kind, [])
        for tool, (color, marker) in styles.items():
            pts = [p for p in points if tool in p]
            if not pts:
                continue
            xs = [p["size"] for p in pts]
            ys = [p[tool]["median_seconds"] for p in pts]
            low = [y - p[tool]["min_seconds"] for p, y in zip(pts, ys, strict=True)]
            high = [p[tool]["max_seconds"] - y for p, y in zip(pts, ys, strict=True)]
            ax.errorbar(
                xs,
                ys,
                yerr=[low, high],
                color=color,
                marker=marker,
                capsize=3,
                label=f"{tool} (median, min-max)",
            )
            for x, y in zip(xs, ys, strict=True):
                ax.annotate(
                    f"{y:.2f} s",
                    (x, y),
                    textcoords="offset points",
                    xytext=(6, -12),
                    fontsize=8,
                    color=color,
                )
            line = [xs[0], max(p["size"] for p in points)]
            ax.plot(
                line,
                [ys[0] * x / xs[0] for x in line],
                linestyle="--",
                color=color,
                alpha=0.6,
                label=f"{tool}: linear from the smallest point",
            )
        summary = results["summary"].get(kind, {})
        heading = title
        if summary:
            limit = GOAL * summary["size_ratio"] / 10
            heading += (
                f"\n{summary['sizes']}: golive x{summary['time_ratio']} time "
                f"for x{summary['size_ratio']:g} input (goal <= x{limit:g})"
            )
        ax.set_title(heading, fontsize=10)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.margins(x=0.12)
        ax.set_xticks([p["size"] for p in points])
        ticks = {p["size"]: f"{p['size']:,}" for p in points}
        if kind in ("folder", "sam"):
            ticks = {p["size"]: f"{p['size']:,}\n({p['resources']:,} res.)" for p in points}
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _, t=ticks: t.get(round(v), "")))
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.yaxis.set_major_locator(LogLocator(subs=(1.0, 2.0, 5.0)))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.yaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel(xlabel)
        ax.set_ylabel("seconds (fresh process, JSON report)")
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=8, loc="upper left")
    machine = results["machine"]
    fig.suptitle(
        f"golive scan time against input size ({results['date'][:10]}, {machine['cores']} cores, "
        f"Python {machine['python']}, golive {results['golive_commit']})",
        fontsize=11,
    )
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=110)


def plot(results_path: Path, png: Path, install: bool) -> bool:
    python = ensure_plot_python(install)
    if python is None:
        return False
    cmd = [str(python), str(Path(__file__).resolve()), "--draw", str(results_path), str(png)]
    done = subprocess.run(cmd, check=False)
    if done.returncode == 0:
        print(f"wrote {png}")
    return done.returncode == 0


# --------------------------------------------------------------------------- main


def sizes(text: str) -> list[int]:
    return sorted(int(s) for s in text.split(",") if s.strip())


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3, help="timed runs per size, median kept (3)")
    ap.add_argument(
        "--single", type=sizes, default=list(SINGLE_SIZES), help="resources, a,b,.. ('' for none)"
    )
    ap.add_argument(
        "--folder", type=sizes, default=list(FOLDER_SIZES), help="templates, a,b,.. ('' for none)"
    )
    ap.add_argument(
        "--sam",
        type=sizes,
        default=[],
        help="also SAM applications of these many functions, a,b,.. (e.g. 47,94,188,376)",
    )
    ap.add_argument("--seed", type=int, default=1, help="generator seed (1)")
    ap.add_argument(
        "--golive", help="golive executable ($GOLIVE_BIN, else <repo>/.venv/bin/golive)"
    )
    ap.add_argument("--peers", action="store_true", help="also time Checkov (bench/.peers/venv)")
    ap.add_argument("--peer-rounds", type=int, help="Checkov's timed runs per size (--rounds)")
    ap.add_argument(
        "--peer-max-resources", type=int, default=2000, help="Checkov's largest template (2000)"
    )
    ap.add_argument(
        "--peer-max-templates", type=int, default=1000, help="Checkov's largest folder (1000)"
    )
    ap.add_argument(
        "--peer-max-functions", type=int, default=400, help="Checkov's largest SAM app (400)"
    )
    ap.add_argument("--timeout", type=float, default=1800, help="seconds before a run is killed")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON results file")
    ap.add_argument("--png", type=Path, default=DEFAULT_PNG, help="plot file (bench/scaling.png)")
    ap.add_argument(
        "--keep-outputs", action="store_true", help="keep the tools' reports beside the inputs"
    )
    ap.add_argument("--no-plot", action="store_true", help="do not draw the plot")
    ap.add_argument("--plot-only", action="store_true", help="only redraw from --output")
    ap.add_argument("--no-install", action="store_true", help="never pip install matplotlib")
    ap.add_argument("--draw", nargs=2, type=Path, help=argparse.SUPPRESS)  # in the plot venv
    ap.add_argument("--counts", nargs=2, help=argparse.SUPPRESS)  # TOOL FILE, in a child
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.draw:
        draw(*args.draw)
        return 0
    if args.counts:
        tool, path = args.counts
        read = golive_counts if tool == "golive" else checkov_counts
        print(json.dumps(read(Path(path))))
        return 0
    if args.plot_only:
        return 0 if plot(args.output, args.png, not args.no_install) else 1

    golive = Path(args.golive or os.environ.get("GOLIVE_BIN") or REPO / ".venv" / "bin" / "golive")
    if not golive.exists():
        sys.exit(f"golive not found at {golive} (use --golive PATH or GOLIVE_BIN)")
    if args.peers and not (PEERS_BIN / "checkov").exists():
        sys.exit(f"--peers: no Checkov in {PEERS_BIN}; bench/run installs it there")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CKV_", "BC_"))}
    env.update(CHECKOV_ENV)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # cache bytecode, as an installed golive would

    WORK.mkdir(parents=True, exist_ok=True)
    # start-up: a one-resource template, after one untimed run (bytecode and page cache)
    tiny, _ = make_input("single", 1, args.seed)
    report = WORK / "startup.golive.json"
    measure(golive_cmd(golive, tiny, report), WORK / "startup.out", env, args.timeout)
    startup = timed(
        "golive 1 resource (start-up)",
        golive_cmd(golive, tiny, report),
        WORK / "startup.out",
        env,
        args.rounds,
        args.timeout,
    )

    started = time.perf_counter()
    wanted = {"single": args.single, "folder": args.folder, "sam": args.sam}
    series = {
        kind: run_series(kind, kind_sizes, golive, env, args)
        for kind, kind_sizes in wanted.items()
        if kind_sizes
    }
    git = ["git", "-C", str(REPO)]
    results: dict[str, Any] = {
        "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "golive_commit": capture([*git, "rev-parse", "--short", "HEAD"]),
        "golive_version": capture([str(golive), "--version"]),
        "checkov_version": capture([str(PEERS_BIN / "checkov"), "--version"])
        if args.peers
        else None,
        "machine": machine_info(),
        "rounds": args.rounds,
        "seed": args.seed,
        "goal": f"10x the input in at most {GOAL:g}x the time",
        "startup": startup,
        "series": series,
        "summary": {
            kind: summarize(points, startup["median_seconds"]) for kind, points in series.items()
        },
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n")

    print(f"golive start-up (1-resource template): {startup['median_seconds']:.2f} s")
    for kind, points in series.items():
        print(
            f"\n{kind}: {'size':>6} {'resources':>9} {'golive s':>9} {'cpu s':>7} {'MB':>6} "
            f"{'ms/res':>7} {'checkov s':>10}"
        )
        for p in points:
            g = p["golive"]
            ck = f"{p['checkov']['median_seconds']:.2f}" if "checkov" in p else "-"
            print(
                f"{'':<{len(kind) + 1}} {p['size']:>6} {p['resources']:>9} "
                f"{g['median_seconds']:>9.2f} {g['median_cpu_seconds']:>7.2f} "
                f"{g['peak_rss_mb']:>6.0f} {1000 * g['median_seconds'] / p['resources']:>7.3f} "
                f"{ck:>10}"
            )
        s = results["summary"][kind]
        if s:
            verdict = "meets" if s["meets_goal"] else "MISSES"
            print(
                f"  {s['sizes']}: time x{s['time_ratio']} (CPU x{s['cpu_ratio']}, "
                f"without start-up x{s['time_ratio_without_startup']}) for x{s['size_ratio']:g} "
                f"input: {verdict} the goal (<= x{GOAL * s['size_ratio'] / 10:g})"
            )
            if s["checkov_over_golive"]:
                print(f"  checkov/golive by size: {s['checkov_over_golive']}")
    print(f"\nwrote {args.output}")
    if not args.no_plot:
        plot(args.output, args.png, not args.no_install)
    return 0


if __name__ == "__main__":
    sys.exit(main())
