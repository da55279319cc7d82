#!/usr/bin/python3
"""The Compliance-team walk, as an administrator would do it: import five
users from a CSV file, select them in the directory, add GOVERNANCE to all
five in one Pending Changes review, and export the access review for the
auditors. The real steward against a freshly started steward-server,
driven over AT-SPI; the server and the exported file are checked at each
step, and a screenshot is saved.

usage: compliance.py STEWARD STEWARD_SERVER SCREENSHOT_DIR"""

import csv
import os
import sys
import time

import steward_e2e as e2e

DOMAIN = "compliance-team.example.com"
TEAM = [("Casey Lindqvist", "casey"), ("Dana Okafor", "dana"), ("Eli Brandt", "eli"),
        ("Farah Nadim", "farah"), ("Gus Moreau", "gus")]


def emails():
    return ["%s@%s" % (local, DOMAIN) for _, local in TEAM]


def main(steward, steward_server, screenshot_dir):
    work_dir = e2e.scratch_dir("steward-e2e-compliance-")
    e2e.run_walk(steward, steward_server, screenshot_dir,
                 lambda app, server, shots: walk(app, server, shots, work_dir))
    print("ok: the Compliance team was onboarded and reviewed")


def walk(app, server, shots, work_dir):
    e2e.step("connect")
    window = e2e.connect(app, server, "Compliance")

    e2e.step("import five users from a CSV file")
    team_csv = os.path.join(work_dir, "compliance-team.csv")
    with open(team_csv, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["name", "email", "permissions"])
        for (name, _), email in zip(TEAM, emails()):
            writer.writerow([name, email, "CREATE_PROJECT"])
    e2e.click(e2e.find(window, "Main Menu", "push button"))
    e2e.click(e2e.find(app, "Import Users…", "menu item"))
    dialog = e2e.find(app, "Import Users", "frame")
    e2e.type_into(dialog, "CSV File", team_csv)
    e2e.click(e2e.button(dialog, "Read"))
    e2e.find(dialog, "5 rows: 5 to create, 0 on the server already, 0 with a problem", "label", timeout=30)
    assert all(server.user("bim", email) is None for email in emails()), "nothing is sent before Create"
    shots.take("import-preview")
    e2e.click(e2e.button(dialog, "Create"))
    e2e.find(dialog, "5 created, 0 already on the server, 0 failed, 0 not sent", "label", timeout=30)
    for email in emails():
        user = server.user("bim", email)
        assert user is not None, email + " was created"
        assert "GOVERNANCE" not in user["permissions"]
    shots.take("imported")
    e2e.click(e2e.button(dialog, "Close"))

    e2e.step("select the five")
    e2e.find(window, "Search Users", "entry").text = DOMAIN
    e2e.find(window, "5 users", "label", timeout=30)
    e2e.click(e2e.button(window, "Select All"))
    e2e.find(window, "5 selected", "label")
    shots.take("selected")

    e2e.step("add GOVERNANCE in one review")
    e2e.click(e2e.find(window, "Change Selected", None))
    e2e.click(e2e.find(app, "Add Permissions…", "menu item"))
    chooser = e2e.find(app, "Add Permissions", "frame")
    e2e.click(e2e.find(chooser, "GOVERNANCE", "check box"))
    e2e.click(e2e.button(chooser, "Add"))
    review = e2e.find(app, "Pending Changes", "frame")
    e2e.find(review, "5 changes to apply, 0 already so, 0 skipped", "label", timeout=30)
    assert all("GOVERNANCE" not in server.user("bim", email)["permissions"] for email in emails()), \
        "nothing is sent before Apply"
    shots.take("review")
    e2e.click(e2e.button(review, "Apply"))
    e2e.find(review, "5 done, 0 already so, 0 failed, 0 skipped, 0 not sent", "label", timeout=30)
    for email in emails():
        assert "GOVERNANCE" in server.user("bim", email)["permissions"], email + " holds GOVERNANCE"
    shots.take("applied")
    e2e.click(e2e.button(review, "Close"))

    e2e.step("export the access review")
    target = os.path.join(work_dir, "access-review.csv")
    e2e.click(e2e.find(window, "Main Menu", "push button"))
    e2e.click(e2e.find(app, "Export Access Review…", "menu item"))
    # GTK's own file chooser (no portal here).
    save = e2e.find(app, "Export Access Review", None, timeout=30)
    e2e.find(save, "Name:", "text").text = target
    e2e.click(e2e.button(save, "Save"))
    e2e.wait_for(lambda: os.path.exists(target) and os.path.getsize(target) > 0, "the access review file")
    time.sleep(0.5)
    with open(target, newline="", encoding="utf-8") as review_file:
        rows = list(csv.DictReader(review_file))
    by_email = {row["email"]: row for row in rows}
    assert sorted(by_email) == sorted(emails()), "the review holds the five shown: %r" % sorted(by_email)
    for email in emails():
        assert by_email[email]["GOVERNANCE"] == "x", "%s marked for GOVERNANCE: %r" % (email, by_email[email])
        assert by_email[email]["CREATE_PROJECT"] == "x"
        assert by_email[email]["status"] == "active"
    shots.take("access-review-exported")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
