#!/usr/bin/python3
"""Every language in po/LINGUAS is complete and well-formed: the strings of
the sources listed in POTFILES.in are extracted afresh (as meson's glib
preset does), merged into each po file, and msgfmt must find every one
translated, none fuzzy, and every format string matching its original.

usage: check-translations.py SOURCE_ROOT"""

import os
import re
import subprocess
import sys
import tempfile

KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3", "g_dpgettext2:2c,3",
            "ngettext:1,2"]


def main(root):
    po_dir = os.path.join(root, "po")
    with open(os.path.join(po_dir, "LINGUAS")) as linguas:
        languages = [line.strip() for line in linguas if line.strip() and not line.startswith("#")]
    if not languages:
        print("no languages listed in po/LINGUAS")
        return 1

    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        pot = os.path.join(scratch, "steward.pot")
        subprocess.run(["xgettext", "--from-code=UTF-8", "--add-comments", "--package-name=steward",
                        "-f", os.path.join(po_dir, "POTFILES.in"), "-D", root, "-o", pot]
                       + ["--keyword=" + keyword for keyword in KEYWORDS], check=True)
        for language in languages:
            merged = os.path.join(scratch, language + ".po")
            subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
                            os.path.join(po_dir, language + ".po"), pot], check=True)
            result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", os.devnull, merged],
                                    stderr=subprocess.PIPE, text=True)
            report = result.stderr.strip()
            print("%s: %s" % (language, report))
            if result.returncode != 0 or re.search(r"fuzzy|untranslated", report):
                print("%s is incomplete or malformed" % language)
                failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
