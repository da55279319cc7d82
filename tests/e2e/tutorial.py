#!/usr/bin/python3
"""The tutorial, walked as an administrator would: the real steward
against a freshly started steward-server, driven over AT-SPI. After each
step the server's state is checked through its API, and a screenshot is
saved.

usage: tutorial.py STEWARD STEWARD_SERVER SCREENSHOT_DIR"""

import json
import os
import sys
import time
import urllib.parse

import steward_e2e as e2e


def main(steward, steward_server, screenshot_dir):
    e2e.run_walk(steward, steward_server, screenshot_dir,
                 lambda app, server, shots: walk(app, server, shots, screenshot_dir))
    print("ok: the whole tutorial passed")


def find_user(server, userid, condition):
    """The user @userid in any IAM, disabled or not, if @condition holds."""
    query = "/bim/user?includeDisabled=true&searchText=" + urllib.parse.quote(userid)
    for hit in server.request("GET", query)["hits"]:
        if hit["userid"] == userid and condition(hit):
            return hit
    return None


def walk(app, server, shots, work_dir):
    e2e.step("connect")
    window = e2e.connect(app, server, "Tutorial")
    shots.take("connected")

    e2e.step("create User 1")
    e2e.click(e2e.button(window, "New User"))
    dialog = e2e.find(app, "New User", "frame")
    e2e.type_into(dialog, "Full Name", "User 1")
    e2e.type_into(dialog, "Email", "user1@example.com")
    e2e.click(e2e.button(dialog, "Create"))
    user = e2e.wait_for(lambda: server.user("bim", "user1@example.com"), "User 1 on the server")
    assert user["profile"]["name"] == "User 1"
    shots.take("user-created")

    e2e.step("add GOVERNANCE")
    e2e.click(e2e.button(window, "Add Permissions"))
    dialog = e2e.find(app, "Add Permissions", "frame")
    e2e.click(e2e.find(dialog, "GOVERNANCE", "check box"))
    e2e.click(e2e.button(dialog, "Add"))
    e2e.wait_for(lambda: "GOVERNANCE" in server.user("bim", "user1@example.com")["permissions"], "GOVERNANCE granted")
    shots.take("governance-added")

    e2e.step("remove a permission")
    e2e.click(e2e.find(window, "Remove CREATE_PROJECT", "push button"))
    e2e.wait_for(lambda: "CREATE_PROJECT" not in server.user("bim", "user1@example.com")["permissions"], "CREATE_PROJECT removed")
    shots.take("permission-removed")

    e2e.step("disable the user")
    e2e.click(e2e.find(window, "Manage", "push button"))
    e2e.click(e2e.find(app, "Disable", "menu item"))
    confirm = e2e.find(app, "Disable User 1?", "dialog")
    e2e.click(e2e.button(confirm, "Disable"))
    e2e.wait_for(lambda: server.user("bim", "user1@example.com")["disabled"], "User 1 disabled")
    shots.take("disabled")

    e2e.step("show disabled accounts")
    e2e.click(e2e.find(window, "Main Menu", "push button"))
    e2e.click(e2e.find(app, "Include Disabled Accounts", "check menu item"))
    e2e.find(window, "User 1", "label", timeout=30)
    shots.take("disabled-shown")

    e2e.step("enable the user")
    e2e.click(e2e.find(window, "Manage", "push button"))
    e2e.click(e2e.find(app, "Enable", "menu item"))
    e2e.wait_for(lambda: not server.user("bim", "user1@example.com")["disabled"], "User 1 enabled")
    shots.take("enabled")

    e2e.step("migrate the user to another IAM")
    user_id = server.user("bim", "user1@example.com")["id"]
    e2e.click(e2e.find(window, "Manage", "push button"))
    e2e.click(e2e.find(app, "Migrate User…", "menu item"))
    dialog = e2e.find(app, "Migrate User", "frame")
    e2e.click(e2e.button(dialog, "Migrate User"))
    # The dialog offers the first other IAM; whichever it is, the user must
    # have left bim under the same numeric id.
    migrated = e2e.wait_for(lambda: find_user(server, "user1@example.com", lambda u: u["iamid"] != "bim"), "User 1 in another IAM")
    assert migrated["id"] == user_id, "migration kept the numeric id"
    assert server.user("bim", "user1@example.com") is None
    shots.take("migrated")

    e2e.step("permanently delete the user")
    e2e.click(e2e.find(window, "Manage", "push button"))
    e2e.click(e2e.find(app, "Permanently Delete…", "menu item"))
    dialog = e2e.find(app, "Permanently Delete", "frame")
    e2e.click(e2e.button(dialog, "Permanently Delete User"))
    e2e.type_into(dialog, "Type Delete", "Delete")
    e2e.click(e2e.button(dialog, "Confirm Permanent Delete"))
    e2e.wait_for(lambda: server.user(migrated["iamid"], "user1@example.com") is None, "User 1 deleted")
    records = server.request("GET", "/audit?recordType=userDeleted")
    assert records["count"] >= 1
    shots.take("deleted")

    e2e.step("download 7 days of metrics")
    target = os.path.join(work_dir, "metrics-7-days.json")
    if os.path.exists(target):
        os.unlink(target)
    e2e.click(e2e.find(window, "Main Menu", "push button"))
    e2e.click(e2e.find(app, "Download Metrics…", "menu item"))
    dialog = e2e.find(app, "Download Metrics", "frame")
    e2e.find(dialog, "Number of Days", "spin button").text = "7"
    e2e.click(e2e.button(dialog, "Download"))
    # GTK's own file chooser (no portal here).
    chooser = e2e.find(app, "Save Metrics", None, timeout=30)
    e2e.find(chooser, "Name:", "text").text = target
    e2e.click(e2e.button(chooser, "Save"))
    e2e.wait_for(lambda: os.path.exists(target), "the metrics file")
    time.sleep(0.5)
    with open(target) as metrics_file:
        metrics = json.load(metrics_file)
    assert metrics["days"] == 7 and len(metrics["workflows"]) == 7, metrics
    shots.take("metrics-saved")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
