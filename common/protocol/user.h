#pragma once

#include "enums.h"
#include "id.h"

#include <optional>

#include <QString>

class JsonReader;
class JsonWriter;

namespace Natter::Wire {

// PROTOCOL.md "User": {id, username, displayName, online, lastSeen}.
struct User
{
    Id id;
    QString username;
    QString displayName;
    bool online = false;
    qint64 lastSeen = 0; // Unix ms; 0 is null
    // Additive (docs/protocol.md, Moderation): `deactivated: true` only for a deactivated account (absent
    // otherwise); `serverRole` only on GET /users/me.
    bool deactivated = false;
    std::optional<ServerRole> serverRole;

    static User read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const User &, const User &) = default;
};

// A message's author: {id, username, displayName}.
struct Author
{
    Id id;
    QString username;
    QString displayName;
    // Additive (docs/protocol.md, Moderation): `deactivated: true` when the author's account is deactivated.
    bool deactivated = false;

    static Author read(JsonReader &reader);
    void write(JsonWriter &writer) const;
    friend bool operator==(const Author &, const Author &) = default;
};

} // namespace Natter::Wire
