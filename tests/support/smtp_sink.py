#!/usr/bin/env python3
"""A real SMTP server for the tests (aiosmtpd, Debian's python3-aiosmtpd).

    smtp_sink.py --dir DIR [--port PORT] [--auth USER:PASSWORD]

Listens on 127.0.0.1 (a free port unless --port is given) and prints
"smtp-sink listening on 127.0.0.1:PORT" once it answers. Each message it
accepts is saved whole as DIR/messages/NNNN.eml (written to a temporary name
and renamed, so a file that is there is complete), and every answer it gives
to a message is a line in DIR/events.log:

    <unix time> <event> <Message-ID or ->

with events accepted, refused-451, refused-550, refused-554, delaying (a slow
answer has begun) and cut-off (the client went away while it waited: nothing
is saved, as a relay that never answered 250 has not taken the message).

What it does is read from DIR/mode before each answer, one line:

    accept       answer 250 (the default)
    tempfail     answer 451 to the message (after DATA): try again later
    reject       answer 550 to RCPT TO: the recipient is refused for good
    reject-data  answer 554 to the message: refused for good
    slow N       wait N seconds before answering the message, then 250
    down         stop listening (connections are refused) until the mode changes

Write the mode to a temporary file and rename it over DIR/mode. Once the
sink has taken a new mode in, it writes the same line to DIR/mode.applied.
With --auth it requires AUTH (PLAIN or LOGIN, allowed without TLS on
loopback) with exactly those credentials before MAIL FROM; each refused
AUTH is an event auth-refused. SIGTERM or SIGINT stops it.
"""

import argparse
import asyncio
import os
import signal
import socket
import sys
import threading
import time
from email.parser import BytesHeaderParser
from email.policy import default as default_policy

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


def read_mode(directory):
    try:
        with open(os.path.join(directory, "mode"), encoding="utf-8") as f:
            return f.read().strip() or "accept"
    except FileNotFoundError:
        return "accept"


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.messages = os.path.join(directory, "messages")
        os.makedirs(self.messages, exist_ok=True)
        self.lock = threading.Lock()
        self.count = len(os.listdir(self.messages))

    def event(self, what, message_id):
        with self.lock:
            with open(os.path.join(self.directory, "events.log"), "a", encoding="utf-8") as f:
                f.write(f"{time.time():.3f} {what} {message_id or '-'}\n")
                f.flush()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if read_mode(self.directory) == "reject":
            self.event("refused-550", None)
            return "550 5.1.1 Recipient refused by the test sink"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        headers = BytesHeaderParser(policy=default_policy).parsebytes(envelope.content)
        message_id = str(headers.get("Message-ID", "")).strip() or None
        mode = read_mode(self.directory)
        if mode == "tempfail":
            self.event("refused-451", message_id)
            return "451 4.3.0 Try again later (test sink)"
        if mode == "reject-data":
            self.event("refused-554", message_id)
            return "554 5.6.0 Message refused by the test sink"
        if mode.startswith("slow"):
            seconds = float(mode.split()[1]) if len(mode.split()) > 1 else 10.0
            self.event("delaying", message_id)
            try:
                await asyncio.sleep(seconds)
            except asyncio.CancelledError:
                # The client went away before the answer: nothing was taken.
                self.event("cut-off", message_id)
                raise
        with self.lock:
            self.count += 1
            name = f"{self.count:04d}.eml"
        # The envelope is kept beside the message as X-Envelope- headers.
        envelope_lines = (
            f"X-Envelope-From: {envelope.mail_from}\r\n"
            f"X-Envelope-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode()
        write_atomically(os.path.join(self.messages, name), envelope_lines + envelope.content)
        self.event("accepted", message_id)
        return "250 2.0.0 OK: queued"


class Authenticator:
    def __init__(self, sink, credentials):
        user, _, password = credentials.partition(":")
        self.sink = sink
        self.expected = (user.encode(), password.encode())

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if (getattr(auth_data, "login", None), getattr(auth_data, "password", None)) == self.expected:
            return AuthResult(success=True)
        self.sink.event("auth-refused", None)
        return AuthResult(success=False, handled=False)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--auth", default="")
    args = parser.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    port = args.port or free_port()
    sink = Sink(args.dir)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    controller = None
    applied = None
    printed = False
    while not stop.is_set():
        mode = read_mode(args.dir)
        if mode != applied:
            if mode == "down" and controller is not None:
                controller.stop()
                controller = None
            elif mode != "down" and controller is None:
                # decode_data=False: the message's bytes exactly as sent.
                kwargs = {}
                if args.auth:
                    kwargs = {"authenticator": Authenticator(sink, args.auth),
                              "auth_required": True, "auth_require_tls": False}
                controller = Controller(sink, hostname="127.0.0.1", port=port,
                                        decode_data=False, enable_SMTPUTF8=False, **kwargs)
                controller.start()
            applied = mode
            write_atomically(os.path.join(args.dir, "mode.applied"), (mode + "\n").encode())
            if not printed:
                print(f"smtp-sink listening on 127.0.0.1:{port}", flush=True)
                printed = True
        stop.wait(0.05)
    if controller is not None:
        controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
