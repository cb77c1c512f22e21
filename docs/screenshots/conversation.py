#!/usr/bin/env python3
"""Adds issue 11's features to a team seeded by seed.py: Markdown with a link preview, a thread, reactions, a
pin, an edit and a delete, through the public REST API and the gateway (a minimal stdlib WebSocket client).

Usage: conversation.py http://127.0.0.1:PORT SEED.json PREVIEW_URL
(start the server with --rate-limit 0 --allow-private-previews; PREVIEW_URL is a page on loopback)
"""
import base64
import json
import os
import socket
import struct
import sys
import time
import urllib.parse
import urllib.request
import uuid

BASE, SEED, PREVIEW = sys.argv[1].rstrip("/"), json.load(open(sys.argv[2])), sys.argv[3]
PASSWORD = "correct horse battery"


def call(method, path, body=None, token=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req) as r:
        text = r.read()
        return json.loads(text) if text else None


tokens = {u: call("POST", "/api/v1/auth/login", {"username": u, "password": PASSWORD})["token"]
          for u in ["alice", "bob", "carol", "dave", "erin"]}
general = SEED["general"]


def say(who, text, parent=None):
    body = {"clientMsgId": str(uuid.uuid4()), "text": text}
    if parent:
        body["parentId"] = parent
    return call("POST", f"/api/v1/channels/{general}/messages", body, tokens[who])["id"]


def gateway_frames(who, frames):
    """Sends FRAMES (dicts with reqId) over one gateway connection and waits for their answers."""
    url = urllib.parse.urlparse(BASE)
    s = socket.create_connection((url.hostname, url.port))
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall((f"GET /api/v1/ws HTTP/1.1\r\nHost: {url.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
               f"Authorization: Bearer {tokens[who]}\r\n\r\n").encode())
    buf = b""
    while b"\r\n\r\n" not in buf:
        buf += s.recv(4096)
    buf = buf.split(b"\r\n\r\n", 1)[1]

    def send(obj):
        payload = json.dumps(obj).encode()
        mask = os.urandom(4)
        head = bytes([0x81])
        n = len(payload)
        head += bytes([0x80 | n]) if n < 126 else bytes([0x80 | 126]) + struct.pack(">H", n)
        s.sendall(head + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def recv():
        nonlocal buf
        while True:
            if len(buf) >= 2:
                n, off = buf[1] & 0x7F, 2
                if n == 126:
                    n, off = struct.unpack(">H", buf[2:4])[0], 4
                elif n == 127:
                    n, off = struct.unpack(">Q", buf[2:10])[0], 10
                if len(buf) >= off + n:
                    frame, buf = buf[off:off + n], buf[off + n:]
                    return json.loads(frame)
            buf += s.recv(65536)

    pending = set()
    for i, f in enumerate(frames):
        f["reqId"] = f"shot-{i}"
        pending.add(f["reqId"])
        send(f)
    while pending:
        msg = recv()
        pending.discard(msg.get("reqId"))
    s.close()


md = say("carol", "**Release 2.0 checklist** — see the [release page](" + PREVIEW + ") for details:\n\n"
         "- ~~cut the branch~~ done\n- run `ctest -R app_` on every platform\n- update the *changelog*\n\n"
         "> Freeze starts tomorrow morning.\n\n```\ngit tag -s v2.0.0\n```")
link = say("dave", "Preview of the new landing page: " + PREVIEW)
root = say("bob", "Has the flaky CI test been fixed for good, or only retried?")
say("erin", "Fixed: it waited on a timer; now it waits on the actual event.", root)
say("carol", "Confirmed, 50 runs in a row without a failure.", root)
say("bob", "Great, thanks both!", root)
typo = say("alice", "Stand-up moves to 9:45 tomorow.")
call("PATCH", f"/api/v1/messages/{typo}", {"text": "Stand-up moves to 9:45 tomorrow."}, tokens["alice"])
gone = say("dave", "Oops, wrong channel.")
call("DELETE", f"/api/v1/messages/{gone}", None, tokens["dave"])
call("POST", f"/api/v1/messages/{md}/pin", None, tokens["alice"])
for who, emoji in [("alice", "🎉"), ("bob", "🎉"), ("dave", "🎉"), ("erin", "👍"), ("bob", "🚀")]:
    gateway_frames(who, [{"type": "reaction.add", "messageId": md, "emoji": emoji}])
for who in ["alice", "carol"]:
    gateway_frames(who, [{"type": "reaction.add", "messageId": root, "emoji": "👀"}])
time.sleep(1.5)  # link previews are fetched after the message is stored
print(json.dumps({"markdown": md, "link": link, "thread": root}))
