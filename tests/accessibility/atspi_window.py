#!/usr/bin/python3
"""The real window as assistive technology meets it: over AT-SPI, the protocol screen readers
and UI automation use on Linux. CC Bridge runs on an X server (Xvfb) with an empty home folder,
so it opens on the guided start; the script chooses a provider, types a key and skips to the
tabs by finding each control by its accessible name, and checks that no control a user can
focus is nameless on any step or tab.

Usage: atspi_window.py /path/to/ccbridge  (inside a D-Bus session, as scripts/test.sh runs it)
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

TIMEOUT_S = 30


def wait_for(what, probe, timeout=TIMEOUT_S):
    """Polls `probe` until it returns something truthy; fails naming `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def showing(accessible):
    return accessible.getState().contains(pyatspi.STATE_SHOWING)


def descendants(root):
    """Every accessible below `root` that is showing, depth first."""
    stack = [root]
    while stack:
        node = stack.pop()
        for index in range(node.childCount):
            child = node.getChildAtIndex(index)
            if child is not None and showing(child):
                yield child
                stack.append(child)


def find(root, role, name=None):
    """The first showing accessible of `role` below `root`, named `name` unless that is None."""
    for node in descendants(root):
        # A label's name ends with its colon ("API key:"), as a screen reader reads it.
        if node.getRole() == role and (name is None or node.name.rstrip(":") == name):
            return node
    return None


def unnamed_controls(root):
    """Focusable, showing controls without a name: a screen reader would say only "button".
    Labels are left out: their name is their text, read rather than operated (an empty status
    line that takes the mouse's focus to select its text is no control)."""
    return [f"{node.getRoleName()} in {node.parent.getRoleName() if node.parent else '?'}"
            for node in descendants(root)
            if node.getState().contains(pyatspi.STATE_FOCUSABLE) and node.getRole() != pyatspi.ROLE_LABEL
            and not node.name.strip()]


def press(button):
    action = button.queryAction()
    for index in range(action.nActions):
        if action.getName(index) in ("Press", "press", "click"):
            action.doAction(index)
            return
    action.doAction(0)


def start_xvfb():
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              pass_fds=(write_end,), stderr=subprocess.DEVNULL)
    os.close(write_end)
    with os.fdopen(read_end) as display:
        number = display.readline().strip()
    if not number:
        raise AssertionError("Xvfb did not start")
    return server, f":{number}"


def start_accessibility_bus():
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def bus_is_up():
        names = subprocess.run(["dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                                "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"],
                               capture_output=True, text=True).stdout
        return "org.a11y.Bus" in names

    wait_for("the accessibility bus", bus_is_up)
    return launcher


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ:
        sys.exit("no D-Bus session: run the tests through scripts/test.sh")
    executable = sys.argv[1]
    home = tempfile.mkdtemp(prefix="ccbridge-atspi-")
    processes = []
    try:
        xvfb, display = start_xvfb()
        processes.append(xvfb)
        processes.append(start_accessibility_bus())
        runtime = os.path.join(home, "runtime")
        os.mkdir(runtime, 0o700)
        environment = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
        environment.update({
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
            "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
            "XDG_RUNTIME_DIR": runtime,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "LANG": "C.UTF-8",
        })
        app = subprocess.Popen([executable], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(app)

        desktop = pyatspi.Registry.getDesktop(0)

        def ccbridge():
            for index in range(desktop.childCount):
                candidate = desktop.getChildAtIndex(index)
                if candidate is not None and candidate.get_process_id() == app.pid:
                    return candidate
            return None

        application = wait_for("CC Bridge on the accessibility bus", ccbridge)
        window = wait_for("the window", lambda: find(application, pyatspi.ROLE_FRAME, "CC Bridge"))

        # Step 1 of the guided start: the provider list, found by its name.
        providers = wait_for("the Provider list", lambda: find(window, pyatspi.ROLE_LIST, "Provider"))
        assert not unnamed_controls(window), unnamed_controls(window)
        names = [providers.getChildAtIndex(i).name for i in range(providers.childCount)]
        assert "DeepSeek" in names, names
        # Qt offers a list item's selection as its "Toggle" action.
        deepseek = providers.getChildAtIndex(names.index("DeepSeek"))
        deepseek.queryAction().doAction(0)
        wait_for("DeepSeek selected", lambda: deepseek.getState().contains(pyatspi.STATE_SELECTED))
        press(wait_for("the Next button", lambda: find(window, pyatspi.ROLE_PUSH_BUTTON, "Next")))

        # Step 2: the key field, found by its label, takes text.
        key = wait_for("the API key field",
                       lambda: find(window, pyatspi.ROLE_PASSWORD_TEXT, "API key")
                       or find(window, pyatspi.ROLE_TEXT, "API key"))
        key.queryEditableText().setTextContents("sk-atspi-0123456789")
        assert key.queryText().characterCount == len("sk-atspi-0123456789")
        assert find(window, pyatspi.ROLE_TEXT, "Address") is not None
        assert find(window, pyatspi.ROLE_PUSH_BUTTON, "Test the key") is not None
        assert not unnamed_controls(window), unnamed_controls(window)

        # Skip to the tabs; every tab's controls have names too.
        press(find(window, pyatspi.ROLE_PUSH_BUTTON, "Skip the guide"))
        tabs = wait_for("the tabs", lambda: find(window, pyatspi.ROLE_PAGE_TAB_LIST))
        page_tabs = [tabs.getChildAtIndex(i) for i in range(tabs.childCount)
                     if tabs.getChildAtIndex(i).getRole() == pyatspi.ROLE_PAGE_TAB]
        tab_names = [tab.name for tab in page_tabs]
        for expected in ("Requests", "Usage", "Providers", "Routes", "Claude Code", "Settings"):
            assert expected in tab_names, tab_names
        for tab in page_tabs:
            name = tab.name
            press(tab)
            # Qt reports the current tab of a tab bar as its focused one.
            wait_for(f"the {name} tab", lambda: tab.getState().contains(pyatspi.STATE_FOCUSED))
            unnamed = unnamed_controls(window)
            assert not unnamed, f"{name}: {unnamed}"
        print(f"AT-SPI: guided start driven by name; {len(tab_names)} tabs without unnamed controls")
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
