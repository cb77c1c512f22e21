#!/usr/bin/env python3
"""Seeds a Natter server with a small team and a realistic conversation, through the public REST API only.

Usage: seed.py http://127.0.0.1:PORT   (start the server with --rate-limit 0)
"""
import json
import sys
import urllib.error
import urllib.request
import uuid

BASE = sys.argv[1].rstrip("/")
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


people = {}
for username, name in [("alice", "Alice Martin"), ("bob", "Bob Chen"), ("carol", "Carol Diaz"),
                       ("dave", "Dave Okafor"), ("erin", "Erin Walsh")]:
    r = call("POST", "/api/v1/auth/register", {"username": username, "password": PASSWORD, "displayName": name})
    people[username] = {"id": r["user"]["id"], "token": r["token"]}


def channel(owner, name, visibility, members):
    ids = [people[m]["id"] for m in members]
    return call("POST", "/api/v1/channels", {"type": "group", "name": name, "visibility": visibility,
                                             "memberIds": ids}, people[owner]["token"])["id"]


def say(who, channel_id, text):
    call("POST", f"/api/v1/channels/{channel_id}/messages", {"clientMsgId": str(uuid.uuid4()), "text": text},
         people[who]["token"])


everyone = ["bob", "carol", "dave", "erin"]
random_ch = channel("dave", "random", "public", ["alice", "bob", "carol", "erin"])
design = channel("carol", "design", "public", ["alice", "bob", "dave"])
release = channel("bob", "release-2-0", "private", ["alice", "carol"])
general = channel("alice", "general", "public", everyone)
try:
    dm = call("POST", "/api/v1/channels", {"type": "direct", "memberIds": [people["bob"]["id"]]},
              people["alice"]["token"])["id"]
except urllib.error.HTTPError as e:  # keep the rest of the seed useful on a server without direct channels yet
    print(f"direct channel not created: {e}", file=sys.stderr)
    dm = None

say("dave", random_ch, "Anyone up for lunch at the noodle place around 12:30?")
say("erin", random_ch, "Count me in!")
say("carol", design, "New sidebar mockups are up in the shared folder.")
say("bob", design, "Love the unread badges. Could the channel header show the member count too?")
say("carol", design, "Good idea, adding it now.")
say("bob", release, "Release branch is cut. Freeze starts tomorrow morning.")
if dm:
    say("alice", dm, "Do you have five minutes after stand-up?")
    say("bob", dm, "Sure, ping me when you're free.")

conversation = [
    ("alice", "Good morning everyone! Stand-up in ten minutes."),
    ("bob", "Morning! I'll be a couple of minutes late, finishing a review."),
    ("carol", "Morning!"),
    ("carol", "Quick heads-up: the staging server restarts at 10:00 for the database upgrade."),
    ("dave", "Thanks Carol. Will the upgrade touch the search index?"),
    ("carol", "Yes, it gets rebuilt. Expect search to be slow for about fifteen minutes afterwards."),
    ("erin", "I pushed the fix for the reconnect loop last night. The client now backs off 1 s, 2 s, 4 s… up to 30 s, "
             "with some jitter so that a server restart doesn't get a thundering herd."),
    ("erin", "It also syncs every channel from its last seq after reconnecting, so nothing is missed."),
    ("bob", "Nice! I tried it by pulling the network cable on my laptop: the three messages I wrote offline arrived "
            "in order once I plugged it back in."),
    ("alice", "That's exactly the behaviour we want. Can we get a test for it?"),
    ("erin", "Already there: the client-stack test stops the server, writes three messages and checks each arrives "
             "exactly once."),
    ("dave", "Nice work, Erin."),
    ("alice", "Agenda for today:\n1. Release 2.0 status\n2. Search performance\n3. Anything blocking?"),
    ("bob", "Release 2.0: all features merged, two bugs left, both small."),
    ("carol", "Search: pages cost the same at any depth now, even at ten million messages."),
    ("dave", "Nothing blocking on my side."),
    ("alice", "Great, then let's keep stand-up short today. Thanks all!"),
    ("bob", "Has anyone seen the flaky test on CI this morning?"),
    ("erin", "Yes, it was a timing threshold. I replaced it with a wait on the actual event."),
    ("bob", "Perfect, thanks."),
]
for who, text in conversation:
    say(who, general, text)
print(json.dumps({"general": general, "design": design, "random": random_ch, "release": release, "dm": dm,
                  "people": {k: v["id"] for k, v in people.items()}}))
