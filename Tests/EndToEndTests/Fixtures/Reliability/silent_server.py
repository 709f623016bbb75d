"""A server that accepts connections and reads requests but never answers.

Prints `listening on http://127.0.0.1:PORT` (the port is chosen by the kernel), then holds every
connection open until it is killed, so a client can only end by its own read timeout.
"""
import socket
import sys
import threading

listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(64)
print("listening on http://127.0.0.1:%d" % listener.getsockname()[1], flush=True)
held = []


def swallow(connection):
    try:
        while connection.recv(65536):
            pass
    except OSError:
        pass


while True:
    connection, _ = listener.accept()
    held.append(connection)
    print("accepted", len(held), flush=True)
    threading.Thread(target=swallow, args=(connection,), daemon=True).start()
