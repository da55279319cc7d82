#!/usr/bin/python3
"""What a screen reader hears, screen by screen: the real steward against a
freshly started steward-server, each screen and dialog opened as a person
would, and the whole accessibility tree of every window of the app read
over AT-SPI. A node fails when its name
- still carries a mnemonic underscore ("_Connect to a Server…"),
- says the same words twice ("Start Local Server Start Local Server"),
- is a toolkit class name ("GtkImage", "AdwGizmo"), or
- is empty on a control a person operates (button, check, entry, …).
Each offender is printed with its path from the window; known toolkit
internals the app cannot reach are listed as "upstream" (see upstream_reason).

usage: accessibility.py STEWARD STEWARD_SERVER SCREENSHOT_DIR"""

import re
import sys

from dogtail import rawinput

import steward_e2e as e2e

# Roles a person operates: each must have a name.
INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "menu item",
    "check menu item", "radio menu item", "text", "password text", "entry",
    "combo box", "spin button", "link", "switch", "slider",
}

# A mnemonic underscore starts a word or sits inside a lower-case word
# ("_Refresh", "D_ormant"). Permission names such as CREATE_PROJECT join
# upper-case words and are read as written, so an underscore after an
# upper-case letter or a digit is text. Words with "@" are e-mails.
MNEMONIC = re.compile(r"(?:^|(?<=[^A-Z0-9_]))_[A-Za-z]")
CLASS_NAME = re.compile(r"\b(?:Gtk|Adw|Gdk|Steward)[A-Z][A-Za-z]+\b")

# Nodes GTK 4.8 and libadwaita 1.2 build inside their own widgets, which no
# application API names, and why. A node of the application's own classes
# or one a person operates is never excused.
DECORATIVE_ROLES = {"filler", "scroll bar", "image", "label", "panel", "separator", "icon"}


# Windows whose chrome GTK or libadwaita build whole: AdwPreferencesWindow
# (its search entry and view switchers), GtkShortcutsWindow (its section
# menu and search).
TOOLKIT_CHROME_WINDOWS = {"Servers", "Keyboard Shortcuts"}

# AdwAboutWindow shows its release notes and legal text in text views it
# gives no name; their text is read through the text interface.
ABOUT_WINDOW = "About Steward"


def upstream_reason(window, ancestor_roles, role, name, problem):
    """@ancestor_roles: the roles above the node, nearest first, without
    the nameless panels GTK puts between widgets."""
    if problem != "toolkit class name" or name.startswith("Steward"):
        return None
    parent_role = ancestor_roles[0] if ancestor_roles else ""
    if window in TOOLKIT_CHROME_WINDOWS and CLASS_NAME.fullmatch(name) and not name.startswith("Steward"):
        return "part of the window's own chrome, built by the toolkit"
    if role in ("table row", "table cell") or (role == "list" and parent_role == "tree table"):
        return "GtkColumnView's rows: GTK 4.12 brings the API to label them (GtkColumnViewRow)"
    if window == ABOUT_WINDOW and role == "text" and name == "GtkTextView":
        return "libadwaita 1.2's About window leaves its text views unnamed"
    if role in INTERACTIVE_ROLES:
        return None
    if role == "list" and parent_role == "combo box":
        return "the list inside GtkDropDown's popup is built by GTK"
    if role in DECORATIVE_ROLES:
        return "GTK 4.8 reads a part without a label by its class name (4.10 leaves it nameless)"
    return None


def words_doubled(name):
    """True for "X X": the name is the same words twice."""
    words = name.replace("_", "").split()
    half = len(words) // 2
    return len(words) >= 2 and len(words) % 2 == 0 and words[:half] == words[half:]


def has_mnemonic(name):
    return any(MNEMONIC.search(word) for word in name.split() if "@" not in word)


def problems_of(role, name):
    found = []
    if name and has_mnemonic(name):
        found.append("mnemonic underscore")
    if name and words_doubled(name):
        found.append("label said twice")
    if name and CLASS_NAME.search(name):
        found.append("toolkit class name")
    if not name.strip() and role in INTERACTIVE_ROLES:
        found.append("control without a name")
    return found


def audit(node, path, report, depth=0):
    """Every node below @node; GTK 4.8 marks no node as showing, so hidden
    pages are read too, as a screen reader walking the tree would."""
    if depth > 60:
        return
    try:
        role = node.roleName
        name = node.name or ""
        children = node.children
    except Exception:  # a node vanished while the tree changed
        return
    here = path + [(role, name)]
    ancestor_roles = [step[0] for step in reversed(path) if step != ("panel", "")]
    for problem in problems_of(role, name):
        reason = upstream_reason(here[0][1], ancestor_roles, role, name, problem)
        report.append((problem, " > ".join("%s %r" % step for step in here), reason))
    for child in children:
        audit(child, here, report, depth + 1)


class Checker:
    def __init__(self, app, shots):
        self.app = app
        self.shots = shots
        self.failures = 0
        self.upstream = 0
        self.counts = []

    def screen(self, name):
        """Reads every window of the app as it is now."""
        report = []
        for window in self.app.children:
            audit(window, [], report)
        own = [entry for entry in report if entry[2] is None]
        upstream = [entry for entry in report if entry[2] is not None]
        print("# %s: %d offending, %d upstream" % (name, len(own), len(upstream)), flush=True)
        for problem, path, _ in own:
            print("  FAIL %s: %s" % (problem, path))
        # One line per reason, with its count and first path: thousands
        # of scroll bars said one by one would hide the offenders.
        by_reason = {}
        for problem, path, reason in upstream:
            by_reason.setdefault((problem, reason), []).append(path)
        for (problem, reason), paths in by_reason.items():
            print("  upstream %s x%d (%s), e.g. %s" % (problem, len(paths), reason, paths[0]))
        self.failures += len(own)
        self.upstream += len(upstream)
        self.counts.append((name, len(own)))
        self.shots.take(name)


def close(app, title):
    """Closes the window titled @title by Escape, as a person would: a
    focused search entry takes the first Escape to clear itself."""
    def closed():
        return not any(child.name == title for child in app.children)

    for _ in range(3):
        rawinput.pressKey("Escape")
        try:
            e2e.wait_for(closed, "%r to close" % title, timeout=3)
            return
        except AssertionError:
            pass
    # Without a window manager the key may not reach a window that did not
    # take the focus: its own Close button then.
    print("  note: Escape did not close %r; its Close button does" % title)
    window = e2e.find(app, title, None)
    e2e.click(e2e.button(window, "Close"))
    e2e.wait_for(closed, "%r to close" % title)


def menu_item(app, window, menu, item):
    e2e.click(e2e.find(window, menu, "push button"))
    e2e.click(e2e.find(app, item, "menu item"))


def walk(app, server, check):
    window = e2e.find(app, "Steward", "frame")
    check.screen("no-server")

    e2e.click(e2e.button(window, "Connect to a Server…"))
    dialog = e2e.find(app, "Connect to a Server", "frame")
    check.screen("connect")
    e2e.type_into(dialog, "Name", "Access")
    e2e.type_into(dialog, "Server URL", server.url)
    e2e.type_into(dialog, "API Key", server.api_key)
    e2e.click(e2e.button(dialog, "Connect"))
    window = e2e.find(app, "Access", "frame", timeout=30)
    e2e.find(window, "Search Users", "entry", timeout=30)
    check.screen("directory")
    # A Last Login cell's tooltip is composed only when shown; a screen
    # reader hears the same full timestamp as the cell's description.
    cell = e2e.find_described(window, r"^[A-Z][a-z]+ \d{1,2}, \d{4}, \d\d:\d\d:\d\d ", "label")
    if not cell.name or cell.name == cell.description:
        raise AssertionError("Last Login cell %r reads no short form beside %r" % (cell.name, cell.description))

    e2e.click(e2e.button(window, "New User"))
    dialog = e2e.find(app, "New User", "frame")
    check.screen("new-user")
    e2e.type_into(dialog, "Full Name", "Reader One")
    e2e.type_into(dialog, "Email", "reader.one@example.com")
    e2e.click(e2e.button(dialog, "Create"))
    e2e.wait_for(lambda: server.user("bim", "reader.one@example.com"), "the new user on the server")
    e2e.find(window, "Manage", "push button")
    check.screen("user-page")

    e2e.click(e2e.find(window, "Manage", "push button"))
    e2e.find(app, "Migrate User…", "menu item")
    check.screen("manage-menu")
    e2e.click(e2e.find(app, "Migrate User…", "menu item"))
    e2e.find(app, "Migrate User", "frame")
    check.screen("migrate")
    close(app, "Migrate User")

    e2e.click(e2e.button(window, "Add Permissions"))
    e2e.find(app, "Add Permissions", "frame")
    check.screen("add-permissions")
    close(app, "Add Permissions")

    menu_item(app, window, "Manage", "Permanently Delete…")
    dialog = e2e.find(app, "Permanently Delete", "frame")
    check.screen("delete-first-step")
    e2e.click(e2e.button(dialog, "Permanently Delete User"))
    e2e.find(dialog, "Type Delete", "text")
    check.screen("delete-second-step")
    close(app, "Permanently Delete")

    e2e.click(e2e.button(window, "Prepare Impersonation…"))
    e2e.find(app, "Prepare Impersonation", "frame")
    check.screen("impersonation")
    close(app, "Prepare Impersonation")

    for item, title, name in (
        ("Download Metrics…", "Download Metrics", "metrics"),
        ("Audit Log", "Audit Log", "audit-log"),
        ("Servers…", "Servers", "servers"),
        ("Keyboard Shortcuts", "Keyboard Shortcuts", "shortcuts"),
        ("About Steward", "About Steward", "about"),
    ):
        menu_item(app, window, "Main Menu", item)
        e2e.find(app, title, None)
        check.screen(name)
        close(app, title)


def main(steward, steward_server, screenshot_dir):
    checks = []

    def walk_checked(app, server, shots):
        checks.append(Checker(app, shots))
        walk(app, server, checks[0])

    e2e.run_walk(steward, steward_server, screenshot_dir, walk_checked)
    check = checks[0]
    print("screens: " + ", ".join("%s %d" % count for count in check.counts))
    print("%d offending nodes, %d upstream" % (check.failures, check.upstream))
    if check.failures:
        sys.exit(1)
    print("ok: every screen reads as it shows")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
