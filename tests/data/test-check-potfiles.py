#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prove that check-potfiles.py fails when it should, and only then.

Each test builds a tiny source tree in a temporary directory, runs the checker
on it as the build does, and looks at its exit status and at what it names.

Usage: test-check-potfiles.py CHECK_POTFILES_SCRIPT
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

CHECKER = None

TRANSLATED_C = 'static const char *title = N_("Users");\n'
TRANSLATED_UI = textwrap.dedent(
    """\
    <?xml version="1.0" encoding="UTF-8"?>
    <interface>
      <object class="GtkLabel">
        <property name="label" translatable="yes">New User</property>
      </object>
    </interface>
    """
)


class Tree:
    """A throw-away source tree with src/, ui/, data/ and po/POTFILES.in."""

    def __init__(self, files, potfiles):
        self._dir = tempfile.TemporaryDirectory(prefix="steward-potfiles-")
        self.root = self._dir.name
        for relpath, text in files.items():
            self.write(relpath, text)
        self.write("po/POTFILES.in", "# test tree\n" + "".join(p + "\n" for p in potfiles))

    def write(self, relpath, text):
        path = os.path.join(self.root, relpath)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)

    def check(self):
        return subprocess.run(
            [sys.executable, CHECKER, "--root", self.root],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )

    def cleanup(self):
        self._dir.cleanup()


class CheckPotfilesTest(unittest.TestCase):
    def make_tree(self, files, potfiles):
        tree = Tree(files, potfiles)
        self.addCleanup(tree.cleanup)
        return tree

    def assert_passes(self, tree):
        result = tree.check()
        self.assertEqual(result.returncode, 0, result.stderr)

    def assert_fails_naming(self, tree, *names):
        result = tree.check()
        self.assertNotEqual(result.returncode, 0, "the checker accepted an incomplete tree")
        for name in names:
            self.assertIn(name, result.stderr)
        return result.stderr

    def test_complete_tree_passes(self):
        tree = self.make_tree(
            {"src/a.c": TRANSLATED_C, "ui/a.ui": TRANSLATED_UI},
            ["src/a.c", "ui/a.ui"],
        )
        self.assert_passes(tree)

    def test_missing_c_file_fails_and_is_named(self):
        tree = self.make_tree(
            {"src/a.c": TRANSLATED_C, "src/dialogs/b.c": 'g_print ("%s", _("Create"));\n'},
            ["src/a.c"],
        )
        stderr = self.assert_fails_naming(tree, "src/dialogs/b.c")
        self.assertNotIn("src/a.c", stderr)

    def test_every_c_marker_is_recognised(self):
        snippets = {
            "underscore": '_("Disable")',
            "noop": 'N_("Enable")',
            "context": 'C_("menu", "Download")',
            "plural": 'ngettext ("%d user", "%d users", n)',
            "domain-plural": 'g_dngettext (NULL,\n "%d day", "%d days", n)',
            "header": '#define TITLE N_("Audit Log")',
        }
        for label, snippet in snippets.items():
            with self.subTest(marker=label):
                name = "src/m.h" if label == "header" else "src/m.c"
                tree = self.make_tree({name: snippet + ";\n"}, [])
                self.assert_fails_naming(tree, name)

    def test_each_data_format_is_recognised(self):
        files = {
            "ui/dialogs/new-user.ui": TRANSLATED_UI,
            "data/x.desktop.in": "[Desktop Entry]\nName=Steward\nExec=steward\nType=Application\n",
            "data/x.metainfo.xml.in": "<component><id>x</id><summary>Manage users</summary></component>\n",
            "data/x.gschema.xml": textwrap.dedent(
                """\
                <schemalist>
                  <schema id="x" path="/x/">
                    <key name="k" type="b"><default>false</default><summary>K</summary></key>
                  </schema>
                </schemalist>
                """
            ),
        }
        for relpath, text in files.items():
            with self.subTest(file=relpath):
                tree = self.make_tree({relpath: text}, [])
                self.assert_fails_naming(tree, relpath)

    def test_nonexistent_entry_fails_and_is_named(self):
        tree = self.make_tree(
            {"src/a.c": TRANSLATED_C},
            ["src/a.c", "src/removed-long-ago.c"],
        )
        self.assert_fails_naming(tree, "src/removed-long-ago.c")

    def test_every_problem_is_reported_at_once(self):
        tree = self.make_tree(
            {"src/a.c": TRANSLATED_C, "ui/a.ui": TRANSLATED_UI},
            ["src/gone.c"],
        )
        self.assert_fails_naming(tree, "src/a.c", "ui/a.ui", "src/gone.c")

    def test_files_without_marked_strings_are_not_demanded(self):
        tree = self.make_tree(
            {
                # Run-time lookups of strings marked elsewhere, and markers
                # that only appear in comments or inside other strings.
                "src/lookup.c": "label = _(info->description);\n",
                "src/comment.c": '/* wrap with _("...") */\n// N_("x")\nint x;\n',
                "src/literal.c": 'const char *s = "call _(\\"x\\") later";\n',
                "src/names.c": "steward_user_get_name_(user);\n",
                "ui/plain.ui": '<interface><object class="GtkBox"><property name="spacing">6</property></object></interface>\n',
                "ui/untranslated.ui": '<interface><object class="GtkLabel"><property name="label" translatable="no">ID</property></object></interface>\n',
                "data/x.desktop.in": "[Desktop Entry]\nExec=steward\n",
                "data/icons/x.svg": '<svg xmlns="http://www.w3.org/2000/svg"><title>_("no")</title></svg>\n',
            },
            [],
        )
        self.assert_passes(tree)

    def test_comments_and_blank_lines_in_potfiles_are_ignored(self):
        tree = self.make_tree({"src/a.c": TRANSLATED_C}, ["", "# a comment", "[encoding: UTF-8]", "src/a.c"])
        self.assert_passes(tree)

    def test_broken_xml_is_reported(self):
        tree = self.make_tree({"ui/broken.ui": "<interface><object>\n"}, [])
        self.assert_fails_naming(tree, "ui/broken.ui")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        sys.exit(2)
    CHECKER = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=2)
