"""Helpers for the end-to-end suite: a real steward-server, its admin API,
the real steward application driven over AT-SPI with dogtail, and a
screenshot per step."""

import json
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

# dogtail reads the accessibility switch when it is imported.
os.environ["GSETTINGS_BACKEND"] = "memory"
from gi.repository import Gio  # noqa: E402

Gio.Settings.new("org.gnome.desktop.interface").set_boolean("toolkit-accessibility", True)

from dogtail import config as dogtail_config  # noqa: E402
from dogtail import tree  # noqa: E402

dogtail_config.config.searchCutoffCount = 40
dogtail_config.config.actionDelay = 0.2
dogtail_config.config.logDebugToStdOut = False


class Server:
    """A freshly started steward-server with a second identity manager."""

    def __init__(self, binary, data_dir):
        self.data_dir = data_dir
        self.process = subprocess.Popen(
            [binary, "--data-dir", data_dir, "--listen", "127.0.0.1:0", "--iam", "okta:Okta", "--demo", "40"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline().strip()
        if not line.startswith("Listening on "):
            raise RuntimeError("steward-server did not start: %r" % line)
        self.url = line[len("Listening on "):].rstrip("/")
        with open(os.path.join(data_dir, "admin-api-key")) as key_file:
            self.api_key = key_file.read().strip()
        self.token = self.request("POST", "/bim/apikey/authenticate", {"apikey": self.api_key}, auth=False)["token"]

    def request(self, method, path, body=None, auth=True):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        if auth:
            request.add_header("Authorization", "Bearer " + self.token)
        with urllib.request.urlopen(request, timeout=10) as reply:
            return json.loads(reply.read().decode())

    def user(self, iamid, userid):
        """The user as the server has it, or None after a 404."""
        path = "/bim/iam/%s/user/%s" % (urllib.parse.quote(iamid, safe=""), urllib.parse.quote(userid, safe=""))
        try:
            return self.request("GET", path)
        except urllib.error.HTTPError as error:
            if error.code == 404:
                return None
            raise

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def wait_for(condition, what, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("Timed out waiting for " + what)


def _walk(node, matches, depth=0):
    """Depth-first over the tree; our own walk, because dogtail's
    collection-based search stalls on GTK 4.8's tree. GTK 4.8 reports no
    node as showing, so hidden pages are searched too: names here are
    chosen so that does not matter."""
    if depth > 40:
        return None
    try:
        if matches(node):
            return node
        children = node.children
    except Exception:  # nodes vanish while the tree changes
        return None
    for child in children:
        found = _walk(child, matches, depth + 1)
        if found is not None:
            return found
    return None


def dump(node, depth=0, out=None):
    """The accessible tree below @node, for the log when a step fails."""
    lines = out if out is not None else []
    try:
        lines.append("  " * depth + "%s %r" % (node.roleName, node.name))
        children = node.children
    except Exception:
        return lines
    for child in children:
        if depth < 40:
            dump(child, depth + 1, lines)
    return lines


def _named(actual, wanted):
    """GTK 4.8 joins a control's own label and the label of what it is
    labelled by ("_Connect Connect", "GOVERNANCE GOVERNANCE")."""
    actual = actual or ""
    return actual == wanted or actual.endswith(" " + wanted) or actual.replace("_", "") == wanted


def find(parent, name=None, role=None, timeout=20):
    """The first node below @parent with that name and role."""
    def matches(node):
        return (name is None or _named(node.name, name)) and (role is None or node.roleName == role)
    return wait_for(lambda: _walk(parent, matches), "%s %r" % (role or "node", name), timeout)


def gone(parent, text, role=None, timeout=20):
    """Waits until no node below @parent has a name containing @text (a
    closed window leaves the application's tree, a filtered-out row its
    list's)."""
    def matches(node):
        return text in (node.name or "") and (role is None or node.roleName == role)
    wait_for(lambda: _walk(parent, matches) is None, "%s containing %r to go" % (role or "node", text), timeout)


def find_described(parent, pattern, role=None, timeout=20):
    """The first node below @parent whose description matches @pattern."""
    def matches(node):
        return (role is None or node.roleName == role) and re.search(pattern, node.description or "")
    return wait_for(lambda: _walk(parent, matches), "%s described as /%s/" % (role or "node", pattern), timeout)


def click(node):
    """Activates @node through its own AT-SPI action: buttons offer
    "click", GTK 4.8's check buttons and rows name theirs differently."""
    actions = list(node.actions.keys())
    for name in ("click", "activate", "toggle", "press"):
        if name in actions:
            node.doActionNamed(name)
            return
    if actions:
        node.doActionNamed(actions[0])
        return
    # A menu button is a box around the button that acts.
    inner = _walk(node, lambda child: child is not node and len(child.actions) > 0)
    if inner is None:
        raise AssertionError("%s %r offers no action" % (node.roleName, node.name))
    click(inner)


def button(parent, label, timeout=20):
    """A push button by its label. GTK 4.8 names a mnemonic button
    "_Label Label", so the label after the mnemonic form counts too."""
    def labelled(node):
        # GTK's own dialogs leave some buttons named after their class;
        # their label child still says what they do.
        for child in node.children:
            if child.roleName == "label" and _named(child.name, label):
                return True
        return False

    def matches(node):
        return node.roleName == "push button" and (_named(node.name, label) or labelled(node))
    return wait_for(lambda: _walk(parent, matches), "button %r" % label, timeout)


def type_into(parent, field, text):
    find(parent, field, "text").text = text


def find_containing(parent, text, role=None, timeout=20):
    """The first node below @parent whose name contains @text."""
    def matches(node):
        return text in (node.name or "") and (role is None or node.roleName == role)
    return wait_for(lambda: _walk(parent, matches), "%s containing %r" % (role or "node", text), timeout)


def connect(app, server, name):
    """Connect to a Server… from the first window; returns the window,
    titled @name once the directory shows."""
    window = find(app, "Steward", "frame")
    click(button(window, "Connect to a Server…"))
    dialog = find(app, "Connect to a Server", "frame")
    type_into(dialog, "Name", name)
    type_into(dialog, "Server URL", server.url)
    type_into(dialog, "API Key", server.api_key)
    click(button(dialog, "Connect"))
    return find(app, name, "frame", timeout=30)


class Screenshots:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        self.count = 0

    def take(self, step):
        """Saves the whole X screen as NN-step.png."""
        import gi
        gi.require_version("Gdk", "3.0")
        from gi.repository import Gdk

        self.count += 1
        path = os.path.join(self.directory, "%02d-%s.png" % (self.count, step))
        root = Gdk.get_default_root_window()
        _, _, width, height = root.get_geometry()
        pixbuf = Gdk.pixbuf_get_from_window(root, 0, 0, width, height)
        pixbuf.savev(path, "png", [], [])
        return path


def launch_app(binary):
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    process = subprocess.Popen([binary], env=env)
    app = wait_for(lambda: _application("steward"), "the steward application on the bus")
    return process, app


def _application(name):
    try:
        return tree.root.application(name)
    except Exception:
        return None


def scratch_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


def step(name):
    """Says which step of a walk runs, so a failure shows where it was."""
    print("# " + name, flush=True)


def run_walk(steward, steward_server, screenshot_dir, walk, data_prefix="steward-e2e-data-",
             failure_shot="failure"):
    """Runs walk(app, server, shots) on the real steward against a fresh
    steward-server. On any failure prints the trace, the application's
    AT-SPI tree and a screenshot, and exits 1; both processes are always
    stopped."""
    server = Server(steward_server, scratch_dir(data_prefix))
    shots = Screenshots(screenshot_dir)
    process, app = launch_app(steward)
    try:
        walk(app, server, shots)
    except Exception:
        # dogtail replaces the exception hook: print the trace ourselves.
        traceback.print_exc()
        print("\n".join(dump(app)))
        shots.take(failure_shot)
        sys.exit(1)
    finally:
        process.terminate()
        process.wait(timeout=10)
        server.stop()
