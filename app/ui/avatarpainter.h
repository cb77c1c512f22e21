#pragma once

#include <QRect>
#include <QString>

class QPainter;

namespace Natter::Client {

// A round avatar with the person's initial in a colour of their own, and a presence dot (green online, grey
// away) when SHOWPRESENCE.
void paintAvatar(QPainter *painter, const QRect &rect, const QString &userId, const QString &name,
    bool showPresence, bool online);

} // namespace Natter::Client
