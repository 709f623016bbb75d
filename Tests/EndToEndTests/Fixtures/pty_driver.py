#!/usr/bin/env python3
"""Drives a program under a real pseudo-terminal and reports the transcript as JSON.

usage: pty_driver.py STEPS_JSON -- PROGRAM [ARGS...]

STEPS_JSON is a list of steps, run in order:
  {"send": "text"}                   write the text (keystrokes) to the terminal
  {"sleep": 0.2}                     wait, reading output meanwhile
  {"expect": "text", "timeout": 8}   wait until the text appears after the last match
  {"eof": true, "timeout": 8}        wait until the program exits
The environment is inherited (the caller sets HOME). Standard library only.
Prints {"transcript", "status", "failed", "exited"} on stdout.
"""
import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def main():
    steps = json.loads(sys.argv[1])
    argv = sys.argv[sys.argv.index("--") + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.setdefault("TERM", "xterm")
        try:
            os.execvp(argv[0], argv)
        finally:
            os._exit(127)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    out = bytearray()
    mark = 0
    status = None
    failed = None

    def pump(seconds):
        """Reads output for up to `seconds`; returns False once the terminal closed."""
        nonlocal status
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return True
            ready, _, _ = select.select([fd], [], [], min(left, 0.05))
            if ready:
                try:
                    data = os.read(fd, 4096)
                except OSError:
                    data = b""
                if not data:
                    return False
                out.extend(data)

    def reap(block):
        nonlocal status
        if status is not None:
            return True
        waited, code = os.waitpid(pid, 0 if block else os.WNOHANG)
        if waited == 0:
            return False
        status = os.waitstatus_to_exitcode(code)
        return True

    for step in steps:
        if "send" in step:
            os.write(fd, step["send"].encode())
            pump(0.05)
        elif "sleep" in step:
            pump(step["sleep"])
        elif "expect" in step:
            needle = step["expect"].encode()
            deadline = time.monotonic() + step.get("timeout", 8)
            found = -1
            while time.monotonic() < deadline:
                found = out.find(needle, mark)
                if found >= 0:
                    break
                if not pump(0.05):
                    found = out.find(needle, mark)
                    break
            if found < 0:
                failed = "expected %r" % step["expect"]
                break
            mark = found + len(needle)
        elif "eof" in step:
            deadline = time.monotonic() + step.get("timeout", 8)
            while time.monotonic() < deadline:
                open_ = pump(0.05)
                if reap(False):
                    break
                if not open_:
                    reap(True)
                    break
            if status is None:
                failed = "program did not exit"
                break

    if status is None:
        os.kill(pid, signal.SIGKILL)
        reap(True)
    pump(0.05)
    try:
        os.close(fd)
    except OSError:
        pass
    print(json.dumps({"transcript": out.decode("utf-8", "replace"), "status": status,
                      "failed": failed}))


if __name__ == "__main__":
    main()
