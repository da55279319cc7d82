#!/usr/bin/python3
"""The command palette, walked from the keyboard as an administrator
would: Ctrl+K, find a user by e-mail, Enter, type Disable, Enter and
confirm; then Change Journal from the palette shows the change, and Escape
closes it from its search entry. Each step is checked through the server's
API (and the journal through stewardctl), and the README's gdbus example is
run against the same app.

usage: palette.py STEWARD STEWARD_SERVER STEWARDCTL SCREENSHOT_DIR"""

import json
import subprocess
import sys
import time

from dogtail import rawinput

import steward_e2e as e2e


def main(steward, steward_server, stewardctl, screenshot_dir):
    e2e.run_walk(steward, steward_server, screenshot_dir,
                 lambda app, server, shots: walk(app, server, stewardctl, shots),
                 data_prefix="steward-e2e-palette-", failure_shot="palette-failure")
    print("ok: the palette walk passed")


def plain_user(server):
    """An active bim user who is not the administrator."""
    hits = server.request("GET", "/bim/user?size=50&iamid=bim&sortField=email")["hits"]
    return next(hit for hit in hits if hit["userid"] != "admin@localhost" and not hit["disabled"])


def open_palette(app, window):
    """Ctrl+K, with the pointer over the window so it has the keyboard
    (Xvfb has no window manager to give it focus)."""
    rawinput.absoluteMotion(400, 300)
    rawinput.keyCombo("<Control>k")
    return e2e.find(app, "Command Palette", "frame")


def search(palette, text):
    """Types into the palette's entry (a search entry: role "entry")."""
    e2e.find(palette, "Search Users and Actions", "entry").text = text


def journal(stewardctl, userid):
    output = subprocess.run([stewardctl, "journal", "--format", "json", "--search", userid],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def gdbus(*arguments):
    return subprocess.run(["gdbus", "call", "--session", "--dest", "io.github.stewardapp.Steward",
                           "--object-path", "/io/github/stewardapp/Steward"] + list(arguments),
                          check=True, capture_output=True, text=True).stdout.strip()


def walk(app, server, stewardctl, shots):
    e2e.step("connect")
    window = e2e.connect(app, server, "Palette")
    user = plain_user(server)
    name, email = user["profile"]["name"], user["profile"]["email"]
    shots.take("palette-connected")

    e2e.step("open the palette with Ctrl+K and find a user")
    palette = open_palette(app, window)
    search(palette, email)
    # GTK 4.8 reads a row's own name, then its title.
    e2e.find_containing(palette, "%s, %s" % (name, email), "list item", timeout=30)
    shots.take("palette-user-found")
    # The first row is highlighted: Enter chooses it.
    rawinput.pressKey("Return")
    e2e.find_containing(palette, "Actions apply to %s" % name, "label")

    e2e.step("disable them from the palette")
    search(palette, "Disable")
    e2e.find_containing(palette, "Disable, %s" % name, "list item")
    rawinput.pressKey("Return")
    confirm = e2e.find(app, "Disable %s?" % name, "dialog")
    shots.take("palette-confirm")
    e2e.click(e2e.button(confirm, "Disable"))
    e2e.wait_for(lambda: server.user("bim", user["userid"])["disabled"], "%s disabled" % email)
    shots.take("palette-disabled")

    e2e.step("open the Change Journal from the palette and see the change")
    palette = open_palette(app, window)
    search(palette, "change journal")
    e2e.find(palette, "Change Journal", "list item")
    rawinput.pressKey("Return")
    dialog = e2e.find(app, "Change Journal", "frame")
    e2e.find_containing(dialog, "bim:" + user["userid"], "label", timeout=30)
    changes = e2e.wait_for(lambda: [c for c in journal(stewardctl, user["userid"]) if c["kind"] == "disable" and c["result"] == "done"],
                           "the disable in the journal")
    assert changes[0]["server"] == "Palette", changes[0]
    assert changes[0]["before"]["disabled"] is False and changes[0]["after"]["disabled"] is True, changes[0]
    shots.take("palette-journal")

    e2e.step("in the Change Journal's search entry, Escape clears the search, then closes")
    # Clicked and typed into, as a person would: the entry then has the
    # keyboard, and Escape reaches it rather than the dialog. (GTK 4.8 does
    # not expose a search entry's text over AT-SPI, so the rows tell.)
    entry = e2e.find(dialog, "Search Changes", "entry")
    (x, y), (width, height) = entry.position, entry.size
    rawinput.click(x + width // 2, y + height // 2)
    rawinput.typeText("zzq")
    e2e.gone(dialog, "bim:" + user["userid"], "label")
    rawinput.pressKey("Escape")
    e2e.find_containing(dialog, "bim:" + user["userid"], "label")
    e2e.find(app, "Change Journal", "frame")
    rawinput.pressKey("Escape")
    e2e.gone(app, "Change Journal", "frame")

    e2e.step("the README's gdbus example: a dry run changes nothing")
    other = plain_user(server)
    reply = gdbus("--method", "io.github.stewardapp.Steward1.Disable", other["userid"], "true")
    assert reply.startswith("(true, ('%s'," % other["userid"]) and "'disabled'" in reply, reply
    time.sleep(0.5)
    assert not server.user("bim", other["userid"])["disabled"], "the dry run disabled nobody"
    gdbus("--method", "org.gtk.Actions.Activate", "show-user", "[<'%s'>]" % other["userid"], "{}")
    e2e.find(window, other["profile"]["name"], "label", timeout=30)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
