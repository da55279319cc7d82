#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in lists exactly the files that need translating.

Every file under src/, ui/ and data/ that contains a string marked for
translation must be listed, or its strings silently never reach translators.
Every listed file must exist, or `meson compile steward-pot` fails.

Usage: check-potfiles.py [--root SOURCE_ROOT]
Exit status: 0 when complete, 1 with one line per problem on stderr.
"""

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ElementTree

SCANNED_DIRS = ("src", "ui", "data")

# C: a gettext macro whose argument list holds a string literal, the way
# xgettext's glib preset sees it. `_(variable)` translates at run time a string
# that was marked elsewhere, so it does not make its file need a listing.
C_COMMENT_OR_LITERAL = re.compile(
    r'//[^\n]*|/\*.*?\*/|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.DOTALL
)
C_MARKERS = (
    re.compile(r'(?<![A-Za-z0-9_])(?:N|C|NC|Q)?_\s*\(\s*"'),
    re.compile(r'ngettext\s*\([^;]*?"'),
)

DESKTOP_KEYS = re.compile(r"^\s*(?:Name|GenericName|Comment|Keywords)\s*=", re.MULTILINE)

METAINFO_ELEMENTS = {
    "name",
    "summary",
    "description",
    "developer_name",
    "name_variant_suffix",
    "keyword",
    "caption",
}
TRUE_VALUES = {"yes", "true", "1"}


class UnreadableFile(Exception):
    pass


def blank_c_source(text):
    """Drop comments and empty string literals, so neither can fake a marker."""

    def replace(match):
        token = match.group(0)
        if token.startswith("/"):
            return " "
        return token[0] * 2

    return C_COMMENT_OR_LITERAL.sub(replace, text)


def c_has_strings(text):
    code = blank_c_source(text)
    return any(marker.search(code) for marker in C_MARKERS)


def parse_xml(path):
    try:
        return ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        raise UnreadableFile(f"not well-formed XML ({error})") from error


def local_name(element):
    return element.tag.rsplit("}", 1)[-1]


def ui_has_strings(path):
    root = parse_xml(path)
    return any(
        element.get("translatable", "").lower() in TRUE_VALUES
        for element in root.iter()
    )


def metainfo_has_strings(path):
    root = parse_xml(path)
    return any(
        local_name(element) in METAINFO_ELEMENTS and element.get("translate") != "no"
        for element in root.iter()
    )


def gschema_has_strings(path):
    root = parse_xml(path)
    for element in root.iter():
        name = local_name(element)
        if name in ("summary", "description"):
            return True
        if name == "default" and element.get("l10n") is not None:
            return True
    return False


def has_translatable_strings(path):
    """Whether xgettext would find a message in PATH, judged by its type."""
    name = os.path.basename(path)
    # gettext matches its rules after dropping a template's ".in".
    if name.endswith(".in"):
        name = name[: -len(".in")]

    if name.endswith((".c", ".h")):
        with open(path, encoding="utf-8") as source:
            return c_has_strings(source.read())
    if name.endswith(".ui"):
        return ui_has_strings(path)
    if name.endswith(".desktop"):
        with open(path, encoding="utf-8") as source:
            return DESKTOP_KEYS.search(source.read()) is not None
    if name.endswith((".metainfo.xml", ".appdata.xml")):
        return metainfo_has_strings(path)
    if name.endswith(".gschema.xml"):
        return gschema_has_strings(path)
    return False


def read_potfiles(path):
    entries = []
    with open(path, encoding="utf-8") as potfiles:
        for line in potfiles:
            line = line.strip()
            # Blank lines, comments and intltool's "[encoding: UTF-8]".
            if not line or line.startswith(("#", "[")):
                continue
            entries.append(line)
    return entries


def scan(root):
    """Yield source-relative paths under SCANNED_DIRS, in a stable order."""
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for filename in sorted(filenames):
                full = os.path.join(dirpath, filename)
                yield os.path.relpath(full, root).replace(os.sep, "/")


def check(root):
    problems = []
    potfiles_path = os.path.join(root, "po", "POTFILES.in")
    try:
        listed = read_potfiles(potfiles_path)
    except OSError as error:
        return [f"po/POTFILES.in: cannot read it ({error.strerror})"]

    for entry in listed:
        if not os.path.isfile(os.path.join(root, entry)):
            problems.append(f"{entry}: listed in po/POTFILES.in but does not exist")

    listed_set = set(listed)
    for relpath in scan(root):
        try:
            needed = has_translatable_strings(os.path.join(root, relpath))
        except (UnreadableFile, OSError, UnicodeDecodeError) as error:
            problems.append(f"{relpath}: cannot look for translatable strings: {error}")
            continue
        if needed and relpath not in listed_set:
            problems.append(
                f"{relpath}: has translatable strings but is missing from po/POTFILES.in"
            )
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--root",
        default=os.getcwd(),
        help="top of the source tree (default: the current directory)",
    )
    args = parser.parse_args()

    problems = check(args.root)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(
            f"{len(problems)} problem(s) with po/POTFILES.in, whose entries are "
            "paths relative to the top of the source tree",
            file=sys.stderr,
        )
        return 1
    print("po/POTFILES.in lists every file with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
