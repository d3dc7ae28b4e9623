#!/usr/bin/env python3
"""Measures every performance target of DESIGN.md §7 on the scale data set.

Run by benchmarks/run inside Xvfb. Each figure is the median of several
runs; each database figure is set beside its floor, the same SQL run by the
sqlite3 shell on the same file. Prints one table and writes results.md.
"""
import argparse
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def median_of(values):
    return statistics.median(values) if values else None


def run_bench(build, program, args, runs=7, env=None):
    """Runs a bench-* program; returns its median_ms, or None when it does not exist."""
    path = os.path.join(build, "benchmarks", program)
    if not os.path.exists(path):
        return None
    out = subprocess.run([path] + args + [str(runs)], capture_output=True, text=True, timeout=900, env=env)
    if out.returncode != 0:
        print(f"{program} failed: {out.stderr.strip()}", file=sys.stderr)
        return None
    m = re.search(r"median_ms=([0-9.]+)", out.stdout)
    return float(m.group(1)) if m else None


def sqlite_floor(db, sql, runs=5):
    """The sqlite3 shell running @sql (several statements) on @db: the median
    over @runs of the sum of the statements' real times, in ms."""
    totals = []
    script = ".timer on\n" + sql
    for _ in range(runs + 1):
        out = subprocess.run(["sqlite3", "-batch", db], input=script, capture_output=True, text=True,
                             timeout=600)
        times = [float(t) for t in re.findall(r"Run Time: real ([0-9.]+)", out.stdout + out.stderr)]
        if out.returncode != 0 or not times:
            print(f"sqlite3 floor failed: {out.stderr.strip()[:200]}", file=sys.stderr)
            return None
        totals.append(sum(times) * 1000.0)
    return median_of(totals[1:])   # the first run warms the cache


def app_env(build):
    env = dict(os.environ)
    env.update({
        "GSETTINGS_BACKEND": "memory",
        "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
        "SALESCRM_LOCALEDIR": os.path.join(build, "po"),
        "GSK_RENDERER": "cairo",
        "GTK_A11Y": "none",
        "NO_AT_BRIDGE": "1",
    })
    return env


def time_start(cmd, env, runs=7):
    """Wall time from launch to exit of a program that quits after its first frame."""
    env = dict(env, SALESCRM_BENCH_FIRST_FRAME="exit")
    times = []
    for _ in range(runs + 1):
        t0 = time.monotonic()
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        t1 = time.monotonic()
        if "first-frame" not in out.stdout:
            print(f"{cmd[0]} showed no frame: {out.stderr[-300:]}", file=sys.stderr)
            return None
        times.append((t1 - t0) * 1000.0)
    return median_of(times[1:])


def resident_memory(cmd, env, settle=3.0, tour=False):
    """VmRSS in MB of the app a few seconds after its first frame, or (tour)
    after it has shown every screen in turn."""
    env = dict(env, SALESCRM_BENCH_FIRST_FRAME="tour" if tour else "hold")
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        if "first-frame" not in line:
            return None
        while tour and "tour-done" not in line:
            line = proc.stdout.readline()
            if not line:
                return None
        time.sleep(settle)
        with open(f"/proc/{proc.pid}/status") as status:
            for row in status:
                if row.startswith("VmRSS:"):
                    return int(row.split()[1]) / 1024.0
    finally:
        proc.kill()
        proc.wait()
    return None


def day_bounds(period):
    """Local midnights (Unix seconds) and ISO days of a period 'YYYY-MM' or 'YYYY'."""
    if len(period) == 4:
        a = datetime.date(int(period), 1, 1)
        b = datetime.date(int(period) + 1, 1, 1)
    else:
        y, m = map(int, period.split("-"))
        a = datetime.date(y, m, 1)
        b = datetime.date(y + (m == 12), m % 12 + 1, 1)
    ts = lambda d: int(time.mktime(d.timetuple()))
    return a.isoformat(), b.isoformat(), ts(a), ts(b)


def kpi_floor_sql(period):
    """The SQL the KPI computation runs, with its parameters filled in."""
    from_day, to_day, from_ts, to_ts = day_bounds(period)
    today = datetime.date.today()
    d30 = (today + datetime.timedelta(days=30)).isoformat()
    d60 = (today + datetime.timedelta(days=60)).isoformat()
    month = today.replace(day=1)
    h_from = (month.replace(year=month.year - (month.month <= 6),
                            month=(month.month - 7) % 12 + 1)).isoformat()
    with open(os.path.join(HERE, "sql", "kpi.sql")) as f:
        sql = f.read()
    for key, value in {"FROM_DAY": from_day, "TO_DAY": to_day, "FROM_TS": from_ts, "TO_TS": to_ts,
                       "D30": d30, "D60": d60, "H_FROM": h_from, "H_TO": month.isoformat(),
                       "R_FROM": (today - datetime.timedelta(days=29)).isoformat(),
                       "R_TO": (today + datetime.timedelta(days=1)).isoformat(),
                       "THIS_MONTH": month.isoformat()[:7]}.items():
        sql = sql.replace(":" + key, f"'{value}'" if isinstance(value, str) else str(value))
    return sql


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    sqlite = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM; {platform.system()} {platform.release()}; "
            f"SQLite {sqlite}; measured {datetime.date.today().isoformat()}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--demo-seconds", type=float, default=None)
    ap.add_argument("--output", default=os.path.join(HERE, "results.md"))
    args = ap.parse_args()
    build, db = args.build, args.db
    env = app_env(build)
    rows = []   # (figure, target text, measured, floor, unit, passed)

    def add(figure, target, limit, measured, floor=None, unit="ms"):
        passed = None if measured is None else measured <= limit
        rows.append((figure, target, measured, floor, unit, passed))

    if args.demo_seconds is not None:
        add("scale data set generated (salescrm demo)", "≤ 30 s", 30.0, args.demo_seconds, None, "s")

    empty = time_start([os.path.join(build, "benchmarks", "empty-window")], env)
    app = time_start([os.path.join(build, "src", "salescrm"), "--database", db], env)
    if empty and app:
        rows.append(("window shown with the scale set (start to first frame)", "≤ 1.3 × empty window",
                     app, empty, "ms", app <= 1.3 * empty))
    else:
        add("window shown with the scale set (start to first frame)", "≤ 1.3 × empty window", 0, app, empty)
    # SalesCRM leaves OpenGL out (crm_application_init_display); GTK's empty
    # window sets it up when it opens the display, as every GTK 4.8 program
    # does on X11. Both figures, so that the table shows what that is worth:
    # the empty window without OpenGL, and SalesCRM with it (GSK_RENDERER=gl
    # keeps GTK's own choice: OpenGL, and its OpenGL renderer).
    empty_nogl = time_start([os.path.join(build, "benchmarks", "empty-window")], dict(env, GDK_DEBUG="gl-disable"))
    if empty_nogl is not None:
        rows.append(("for comparison: an empty GTK 4 window without OpenGL (GDK_DEBUG=gl-disable)", "—",
                     empty_nogl, empty, "ms", None))
        if app is not None:
            # Like for like: both without OpenGL. The target is not met so.
            rows.append(("for comparison: SalesCRM against that empty window, both without OpenGL",
                         "(≤ 1.3 × it)", app, empty_nogl, "ms", app <= 1.3 * empty_nogl))
    app_gl = time_start([os.path.join(build, "src", "salescrm"), "--database", db], dict(env, GSK_RENDERER="gl"))
    if app_gl is not None:
        rows.append(("for comparison: SalesCRM as GTK 4.8 starts by default (OpenGL set up, GSK_RENDERER=gl)", "—",
                     app_gl, empty, "ms", None))
    # What libadwaita alone adds to a start (its style sheets and style
    # manager): the same empty window as an AdwApplication.
    empty_adw = time_start([os.path.join(build, "benchmarks", "empty-adw-window")], env)
    if empty_adw is not None:
        rows.append(("for comparison: an empty libadwaita window (start to first frame)", "—",
                     empty_adw, empty, "ms", None))
    # What the window's chrome alone costs: SalesCRM's shape (two header
    # bars, a sidebar of seven screens with icons) with no data at all.
    shaped = time_start([os.path.join(build, "benchmarks", "shaped-adw-window")], env)
    if shaped is not None:
        rows.append(("for comparison: a libadwaita window of SalesCRM's shape, no data (start to first frame)", "—",
                     shaped, empty, "ms", None))

    # The demo data run up to today: this month and this year are full of it.
    for period, label, limit in ((datetime.date.today().strftime("%Y-%m"), "one month", 30.0),
                                 (datetime.date.today().strftime("%Y"), "one year", 150.0)):
        add(f"dashboard KPIs, whole team, {label} ({period})", f"≤ {limit:.0f} ms", limit,
            run_bench(build, "bench-kpi", [db, period]), sqlite_floor(db, kpi_floor_sql(period)))

    clients, terms = {}, {}
    path = os.path.join(build, "benchmarks", "bench-clients")
    if os.path.exists(path):
        out = subprocess.run([path, db, "15"], capture_output=True, text=True, timeout=600)
        for name, value in re.findall(r"^(\S+) median_ms=([0-9.]+)", out.stdout, re.M):
            clients[name] = float(value)
        terms = dict(re.findall(r"(prefix|phone)=(\S+)", out.stdout))
    with open(os.path.join(HERE, "sql", "clients.sql")) as f:
        client_sql = f.read()
    client_sql = (client_sql.replace(":PREFIX", terms.get("prefix", "a").lower().replace("'", "''"))
                            .replace(":PHONE", terms.get("phone", "0")))
    sections = dict(re.findall(r"^-- (\w+)\n(.*?)(?=\n-- |\Z)", client_sql, re.S | re.M))
    add("client search, per keystroke (a three-letter name prefix)", "≤ 5 ms", 5.0,
        clients.get("search_prefix"), sqlite_floor(db, sections.get("search_prefix", "")))
    add("client search, per keystroke (phone digits)", "≤ 5 ms", 5.0,
        clients.get("search_phone"), sqlite_floor(db, sections.get("search_phone", "")))
    add("client list, first page (count + 200 rows)", "≤ 50 ms", 50.0, clients.get("first_page"),
        sqlite_floor(db, sections.get("first_page", "")))
    add("client list, the last page (scroll bar dragged to the end)", "≤ 50 ms", 50.0,
        clients.get("far_page"), sqlite_floor(db, sections.get("far_page", "")))

    today = datetime.date.today()
    monday = today - datetime.timedelta(days=today.weekday())
    week_from = int(time.mktime(monday.timetuple()))
    week_to = int(time.mktime((monday + datetime.timedelta(days=7)).timetuple()))
    manager = "5"
    with open(os.path.join(HERE, "sql", "week.sql")) as f:
        week_sql = (f.read().replace(":MANAGER", manager).replace(":FROM", str(week_from))
                    .replace(":TO", str(week_to)))
    add("week calendar of one manager (query and layout)", "≤ 10 ms", 10.0,
        run_bench(build, "bench-week", [db, manager], runs=15), sqlite_floor(db, week_sql))
    add("monthly team KPI report, PDF", "≤ 1000 ms", 1000.0,
        run_bench(build, "bench-report", [db, today.strftime("%Y-%m")], runs=5),
        sqlite_floor(db, kpi_floor_sql(today.strftime("%Y-%m"))))

    # Not a target of its own: what the dashboard's worker does besides the
    # KPIs (revenue by client and by month, the charts' data).
    path = os.path.join(build, "benchmarks", "bench-dashboard")
    if os.path.exists(path):
        out = subprocess.run([path, db, today.strftime("%Y-%m"), "7"], capture_output=True, text=True,
                             timeout=900)
        m = re.search(r"load_median_ms=([0-9.]+) draw_median_ms=([0-9.]+)", out.stdout)
        if m:
            rows.append(("dashboard screen, whole team, one month: all its data (in a worker)", "—",
                         float(m.group(1)), None, "ms", None))
            rows.append(("dashboard screen: drawing its seven charts", "—", float(m.group(2)), None, "ms", None))

    csv_path = os.path.join(tempfile.gettempdir(), "salescrm-bench-import.csv")
    import_ms = run_bench(build, "bench-import", ["100000"], runs=5,
                          env=dict(os.environ, BENCH_IMPORT_KEEP=csv_path))
    import_floor = None
    if import_ms is not None and os.path.exists(csv_path):
        # The shell's .import is a dot-command, which .timer does not time:
        # the wall time of the whole shell, less that of an empty one.
        def shell_ms(script, db_file):
            t0 = time.monotonic()
            subprocess.run(["sqlite3", "-batch", db_file], input=script, capture_output=True, text=True,
                           timeout=600)
            return (time.monotonic() - t0) * 1000.0
        with tempfile.TemporaryDirectory() as tmp:
            floor_db = os.path.join(tmp, "floor.db")
            runs = []
            for _ in range(5):
                empty = shell_ms("SELECT 1;\n", floor_db)
                runs.append(shell_ms(f"DROP TABLE IF EXISTS t;\n.import --csv {csv_path} t\n", floor_db) - empty)
            import_floor = median_of(runs)
        os.unlink(csv_path)
    add("CSV import, 100,000 rows", "≤ 3000 ms", 3000.0, import_ms, import_floor)

    def memory_median(cmd, tour=False, runs=5):
        samples = [m for m in (resident_memory(cmd, env, tour=tour) for _ in range(runs)) if m is not None]
        return median_of(samples) if samples else None

    app_cmd = [os.path.join(build, "src", "salescrm"), "--database", db]
    add("resident memory with the scale set open (the first screen)", "≤ 150 MB", 150.0,
        memory_median(app_cmd), None, "MB")
    add("resident memory after showing every screen once", "≤ 150 MB", 150.0,
        memory_median(app_cmd, tour=True), None, "MB")
    rows.append(("for comparison: an empty GTK 4 window (it sets up OpenGL; SalesCRM does not)", "—",
                 memory_median([os.path.join(build, "benchmarks", "empty-window")]), None, "MB", None))
    rows.append(("for comparison: an empty GTK 4 window without OpenGL", "—",
                 median_of([m for m in (resident_memory([os.path.join(build, "benchmarks", "empty-window")],
                                                        dict(env, GDK_DEBUG="gl-disable")) for _ in range(5))
                            if m is not None] or [0.0]), None, "MB", None))

    lines = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}.",
        "Scale data set: 20 managers, 100,000 clients, 1,000,000 activities, ~200,000 deals, "
        "300,000 payments, 10,000 complaints (`salescrm demo --clients 100000 --activities 1000000 --seed 42`).",
        "Each figure is the median of at least 5 runs on a warm cache. The floor is "
        "the same SQL run by the sqlite3 shell on the same file; for the start, an empty GTK 4 window "
        "under the same Xvfb and renderer (Cairo). SalesCRM does not set up OpenGL, which GTK 4.8 "
        "does on X11 for every window, the empty one included: the start passes against that floor "
        "because of it, and misses against an empty window that leaves OpenGL out too (see the "
        "comparison rows).",
        "",
        "| figure | target | measured | floor | ratio | result |",
        "|---|---|---:|---:|---:|---|",
    ]
    for figure, target, measured, floor, unit, passed in rows:
        m = "not measured" if measured is None else f"{measured:.1f} {unit}"
        fl = "—" if floor is None else f"{floor:.1f} {unit}"
        ratio = "—" if (measured is None or not floor) else f"{measured / floor:.2f}"
        res = "—" if passed is None else ("pass" if passed else "FAIL")
        lines.append(f"| {figure} | {target} | {m} | {fl} | {ratio} | {res} |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(args.output, "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
