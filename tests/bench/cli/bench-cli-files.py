#!/usr/bin/python3
"""stewardctl's file workflows on a large directory: export and import.

Starts a steward-server seeded with --users demo users (100,000 unless told)
and, for --rounds rounds, runs the real stewardctl:
  - users export --format csv, users export --format json and access-review
    --format csv of every user, to a file: wall time and the process's peak
    RSS (ru_maxrss from wait4), next to a baseline in the same round,
    `users list --limit 25`, one page (what stewardctl costs doing almost
    nothing);
  - users import of a fresh 1,000-row CSV (new users each round), next to
    its own --dry-run in the same round (reading, validating and checking
    every row against the server, sending nothing).
Each export's row count is checked against the server's count, so a figure
always comes from a complete export. Prints medians; targets of issue 10:
the export's RSS stays flat (<= 60 MB for stewardctl).

A program that prints figures, not a timed test. Exit status 0 when figures
were printed, 1 when the server or stewardctl failed.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

TARGET_EXPORT_RSS_MB = 60.0
IMPORT_ROWS = 1000
# Debugging allocators (set by meson's test environment) would be measured too.
SLOW_ENVIRONMENT = ("MALLOC_CHECK_", "MALLOC_PERTURB_", "G_SLICE", "G_DEBUG")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", required=True, help="the steward-server executable")
    parser.add_argument("--stewardctl", required=True, help="the stewardctl executable")
    parser.add_argument("--users", type=int, default=100000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--data-dir", help="keep (and reuse) the seeded database here")
    return parser.parse_args()


def clean_environment(scratch):
    environment = {k: v for k, v in os.environ.items() if k not in SLOW_ENVIRONMENT}
    # stewardctl records its writes in the change journal: a private one.
    environment["XDG_DATA_HOME"] = str(scratch / "data")
    environment["XDG_CONFIG_HOME"] = str(scratch / "config")
    return environment


def start_server(executable, data_dir, users, environment, scratch):
    command = [executable, "--data-dir", str(data_dir), "--listen", "127.0.0.1:0"]
    if not (data_dir / "steward.db").exists():
        command += ["--demo", str(users)]
    stdout = open(scratch / "server.stdout", "wb")
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stdout,
                               stderr=subprocess.DEVNULL, env=environment)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("steward-server exited with status %d" % process.returncode)
        text = (scratch / "server.stdout").read_text(errors="replace")
        match = re.match(r"Listening on (http://127\.0\.0\.1:\d+/)", text)
        if match:
            key = (data_dir / "admin-api-key").read_text().strip()
            return process, match.group(1).rstrip("/"), key
        time.sleep(0.05)
    raise RuntimeError("steward-server did not listen within 600 s")


def server_count(url, key):
    request = urllib.request.Request(url + "/bim/apikey/authenticate", method="POST",
                                     data=json.dumps({"apikey": key}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as reply:
        token = json.load(reply)["token"]
    request = urllib.request.Request(url + "/bim/user?size=1&offset=0",
                                     headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request) as reply:
        return json.load(reply)["count"]


def run(command, environment):
    """(seconds, peak RSS in MB) of one stewardctl run, which must succeed."""
    started = time.monotonic()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.monotonic() - started
    error = process.stderr.read().decode(errors="replace")
    process.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError("%s exited with %d: %s" % (" ".join(command[1:4]), code, error.strip()))
    return seconds, usage.ru_maxrss / 1024.0


def data_rows(path):
    with open(path, newline="") as text:
        return sum(1 for line in text if line.endswith("\r\n")) - 1


def write_import_file(path, tag):
    """1,000 new users: @tag (process and round) keeps them new in a reused database."""
    with open(path, "w", newline="") as out:
        out.write("name,email,permissions\r\n")
        for i in range(IMPORT_ROWS):
            out.write("Bench Import %s %04d,bench.import.%s.%04d@example.com,AUDIT\r\n" % (tag, i, tag, i))


def median(values):
    return statistics.median(values) if values else float("nan")


def main():
    arguments = parse_arguments()
    scratch = Path(tempfile.mkdtemp(prefix="bench-cli-files-"))
    data_dir = Path(arguments.data_dir) / ("users-%d" % arguments.users) if arguments.data_dir else scratch / "server"
    data_dir.mkdir(parents=True, exist_ok=True)
    environment = clean_environment(scratch)
    process, url, key = start_server(arguments.server, data_dir, arguments.users, environment, scratch)
    environment["STEWARD_API_KEY"] = key
    ctl = [arguments.stewardctl, "--server", url]
    figures = {}

    def add(name, seconds, rss):
        figures.setdefault(name, []).append((seconds, rss))

    try:
        total = server_count(url, key)
        for round_number in range(arguments.rounds):
            add("baseline: users list --limit 25 (one page)", *run(ctl + ["users", "list", "--limit", "25"], environment))
            for name, command in (
                ("users export --format csv", ["users", "export", "--format", "csv"]),
                ("users export --format json", ["users", "export", "--format", "json"]),
                ("access-review --format csv", ["access-review", "--format", "csv"]),
            ):
                path = scratch / "export.out"
                add(name, *run(ctl + command + ["-o", str(path)], environment))
                if command[-1] == "csv" and data_rows(path) != total:
                    raise RuntimeError("%s wrote %d rows, the server counts %d" % (name, data_rows(path), total))
                path.unlink()
            csv_path = scratch / ("import-%d.csv" % round_number)
            write_import_file(csv_path, "%d-%d" % (os.getpid(), round_number))
            add("baseline: users import --dry-run (1,000 rows)",
                *run(ctl + ["users", "import", "--dry-run", str(csv_path)], environment))
            add("users import (1,000 rows created)", *run(ctl + ["users", "import", str(csv_path)], environment))
            total = server_count(url, key)
    except RuntimeError as error:
        print("bench-cli-files: %s" % error, file=sys.stderr)
        return 1
    finally:
        process.terminate()
        process.wait()

    print("stewardctl on %d users, medians of %d rounds" % (arguments.users, arguments.rounds))
    print("%-46s %10s %14s" % ("run", "time (s)", "peak RSS (MB)"))
    for name, runs in figures.items():
        print("%-46s %10.2f %14.1f" % (name, median([s for s, _ in runs]), median([r for _, r in runs])))
    worst = max(r for name, runs in figures.items() if "export" in name or "review" in name for _, r in runs)
    base = median([r for _, r in figures["baseline: users list --limit 25 (one page)"]])
    print("largest export RSS %.1f MB, %.2f x the one-page baseline; target <= %.0f MB: %s"
          % (worst, worst / base, TARGET_EXPORT_RSS_MB, "met" if worst <= TARGET_EXPORT_RSS_MB else "MISS"))
    imports = figures["users import (1,000 rows created)"]
    print("import: %.0f rows/s" % (IMPORT_ROWS / median([s for s, _ in imports])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
