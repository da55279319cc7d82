#!/usr/bin/python3
"""Cold start to the first window on screen: steward against GNOME Text
Editor, measured the same way in the same run. Each run starts the
program with fresh XDG directories and times from spawning it until the X
server maps its first top-level window (first-window.c, watching X map
events); then the program is stopped. Runs alternate between
the two programs so load on the machine hits both alike; the first run of
each is a warm-up and not counted.

usage: bench-cold-start.py FIRST_WINDOW STEWARD [RUNS]"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile


def first_window_seconds(first_window, command):
    scratch = tempfile.mkdtemp(prefix="steward-cold-start-")
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = os.path.join(scratch, name.lower())
        os.makedirs(env[name])
    try:
        result = subprocess.run([first_window] + command, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, timeout=90)
        if result.returncode != 0:
            raise RuntimeError("%s showed no window (status %d)" % (command[0], result.returncode))
        return float(result.stdout) / 1000
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    first_window = sys.argv[1]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 9
    if "DISPLAY" not in os.environ:
        print("SKIP: no X display")
        sys.exit(77)
    if shutil.which("gnome-text-editor") is None:
        print("SKIP: gnome-text-editor is not installed (Debian package gnome-text-editor)")
        sys.exit(77)

    programs = {
        "steward": [sys.argv[2]],
        "gnome-text-editor": ["gnome-text-editor", "--standalone"],
    }
    times = {name: [] for name in programs}
    for run in range(runs + 1):
        for name, command in programs.items():
            seconds = first_window_seconds(first_window, command)
            if run > 0:
                times[name].append(seconds)

    for name, values in times.items():
        print("%-18s median %6.0f ms  (min %.0f, max %.0f, %d runs)" % (
            name, statistics.median(values) * 1000, min(values) * 1000, max(values) * 1000, len(values)))
    ratio = statistics.median(times["steward"]) / statistics.median(times["gnome-text-editor"])
    print("steward / gnome-text-editor = %.2f; target <= 1.00: %s" % (ratio, "met" if ratio <= 1.0 else "MISSED"))


if __name__ == "__main__":
    main()
