#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets into tests/fuzz/corpus/<target>/ (checked in; rerun after
changing it). The golden wire fixtures, RFC 6455 frames of every kind, request heads, a few real HTML pages and
small real images made with ImageMagick."""
import os, shutil, struct, subprocess, tempfile, pathlib

root = pathlib.Path(__file__).resolve().parent
repo = root.parent.parent
corpus = root / "corpus"


def put(target, name, data):
    d = corpus / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


# --- wire: the golden fixtures, as they are (pretty JSON) and compact ---
import json
for f in sorted((repo / "tests/data/wire").glob("*.json")):
    raw = f.read_bytes()
    compact = json.dumps(json.loads(raw), separators=(",", ":")).encode()
    for target in ("fuzz_wire_server", "fuzz_wire_client"):
        put(target, f.stem, compact)

# --- wsframe: first byte = role (0x80 client) | piece size - 1 ---
def frame(opcode, payload, fin=True, mask=True, rsv=0):
    b0 = (0x80 if fin else 0) | (rsv << 4) | opcode
    n = len(payload)
    if n < 126:
        head = bytes([b0, (0x80 if mask else 0) | n])
    elif n < 65536:
        head = bytes([b0, (0x80 if mask else 0) | 126]) + struct.pack(">H", n)
    else:
        head = bytes([b0, (0x80 if mask else 0) | 127]) + struct.pack(">Q", n)
    if not mask:
        return head + payload
    key = b"\x12\x34\x56\x78"
    return head + key + bytes(c ^ key[i % 4] for i, c in enumerate(payload))

for role, mask in ((0x00, True), (0x80, False)):
    r = "client" if role else "server"
    seeds = {
        "text": frame(1, b"hello", mask=mask),
        "binary": frame(2, bytes(range(40)), mask=mask),
        "ping-pong": frame(9, b"p", mask=mask) + frame(10, b"p", mask=mask),
        "close": frame(8, struct.pack(">H", 1000) + b"bye", mask=mask),
        "fragments": frame(1, b"hel", fin=False, mask=mask) + frame(9, b"", mask=mask)
        + frame(0, b"lo", mask=mask),
        "utf8-split": frame(1, "h\u00e9".encode()[:2], fin=False, mask=mask) + frame(0, "h\u00e9".encode()[2:], mask=mask),
        "len126": frame(1, b"a" * 126, mask=mask),
        "len65536": frame(2, b"b" * 65536, mask=mask),
        "rsv": frame(1, b"x", mask=mask, rsv=4),
        "bad-opcode": frame(3, b"", mask=mask),
    }
    for name, data in seeds.items():
        put("fuzz_wsframe", f"{r}-{name}", bytes([role | 6]) + data)
        put("fuzz_wsframe", f"{r}-{name}-whole", bytes([role | 0x7f]) + data)

# --- request heads ---
good = (b"GET /api/v1/ws?token=abc HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        b"Authorization: Bearer t0k3n\r\n\r\n")
heads = {
    "upgrade": good,
    "upgrade-no-key": good.replace(b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", b""),
    "upgrade-v8": good.replace(b"Version: 13", b"Version: 8"),
    "post-json": b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 44\r\n\r\n",
    "post-upload": b"POST /api/v1/uploads?name=a.png HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\nAuthorization: Bearer t\r\n\r\n",
    "chunked": b"POST /api/v1/channels HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
    "two-lengths": b"POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
    "bare-lf": b"GET / HTTP/1.1\nHost: x\r\n\r\n",
    "h2c": b"GET / HTTP/1.1\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n",
}
for name, data in heads.items():
    put("fuzz_httphead", name, data)
    put("fuzz_wshandshake", name, data)

# --- HTML pages: first line is the Content-Type ---
pages = {
    "og": b"text/html; charset=utf-8\n<!doctype html><html><head><meta property=\"og:title\" content=\"Natter &amp; friends\">"
          b"<meta property=\"og:description\" content=\"Self-hosted chat\"><meta property=\"og:image\" content=\"/img/card.png\">"
          b"<title>ignored</title></head><body><p>hi</p></body></html>",
    "title-only": b"text/html\n<html><head><TITLE>A  plain\n page</TITLE><meta name=\"description\" content='single quoted'></head></html>",
    "latin1": b"text/html; charset=iso-8859-1\n<html><head><title>Caf\xe9</title></head></html>",
    "meta-charset": b"text/html\n<html><head><meta charset=\"windows-1252\"><title>\x93quoted\x94</title></head></html>",
    "entities": b"text/html\n<title>&lt;script&gt; &#233;&#x263A; &amp;amp; &nbsp;</title><meta property=og:image content=javascript:alert(1)>",
    "comments": b"text/html\n<!-- <title>no</title> --><script>var t='<title>no</title>'</script><title>yes</title>",
    "message": b"\ncheck https://example.com/path?q=1). and http://x.y/",
}
for name, data in pages.items():
    put("fuzz_htmlpreview", name, data)

# --- uploads: first byte picks the name (see fuzz_upload.cpp) ---
with tempfile.TemporaryDirectory() as tmp:
    made = {}
    for fmt, idx, args in (("png", 1, ["-size", "3x2", "xc:red"]), ("jpg", 2, ["-size", "4x4", "gradient:"]),
                           ("gif", 0, ["-size", "2x2", "xc:blue"]), ("bmp", 0, ["-size", "2x3", "xc:green"]),
                           ("webp", 0, ["-size", "2x2", "xc:white"]),
                           ("alpha.png", 1, ["-size", "5x5", "xc:none"])):
        out = os.path.join(tmp, "img." + fmt)
        if subprocess.run(["convert", *args, out], capture_output=True).returncode == 0:
            made[fmt] = (idx, pathlib.Path(out).read_bytes())
    # A JPEG with EXIF orientation 6 (rotated 90°): width and height swap.
    out = os.path.join(tmp, "rot.jpg")
    if subprocess.run(["convert", "-size", "6x2", "xc:gray", "-orient", "RightTop", out], capture_output=True).returncode == 0:
        made["rotated.jpg"] = (2, pathlib.Path(out).read_bytes())
    for name, (idx, data) in made.items():
        put("fuzz_upload", name, bytes([idx]) + data)
put("fuzz_upload", "csv", bytes([4]) + b"a,b\n1,2\n")
put("fuzz_upload", "text-as-png", bytes([1]) + b"just text\n")
put("fuzz_upload", "svg", bytes([6]) + b"<svg xmlns='http://www.w3.org/2000/svg' width='2' height='2'/>")
