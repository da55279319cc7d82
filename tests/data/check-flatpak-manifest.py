#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest the way flatpak-builder reads it.

flatpak-builder --show-manifest parses the manifest into its own types and
prints it back; with G_DEBUG=fatal-warnings an unknown key or a value of the
wrong type aborts it. The printed manifest must then name the same application
ID and command as the build, or the installed app would not start.

Usage: check-flatpak-manifest.py FLATPAK_BUILDER MANIFEST APP_ID COMMAND
"""

import json
import os
import subprocess
import sys


def main():
    if len(sys.argv) != 5:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    flatpak_builder, manifest, app_id, command = sys.argv[1:]

    env = dict(os.environ, G_DEBUG="fatal-warnings")
    result = subprocess.run(
        [flatpak_builder, "--show-manifest", manifest],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(
            f"{manifest}: flatpak-builder rejected it (exit status {result.returncode})",
            file=sys.stderr,
        )
        return 1

    try:
        parsed = json.loads(result.stdout)
    except json.JSONDecodeError as error:
        print(f"flatpak-builder printed no JSON manifest: {error}", file=sys.stderr)
        return 1

    failed = False
    for key, expected in (("id", app_id), ("command", command)):
        actual = parsed.get(key)
        if actual != expected:
            print(
                f"{manifest}: \"{key}\" is {actual!r}, the build expects {expected!r}",
                file=sys.stderr,
            )
            failed = True
    if failed:
        return 1

    print(f"{manifest}: id {app_id}, command {command}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
