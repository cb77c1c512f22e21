#pragma once

#include <common/protocol/id.h>

#include <QObject>
#include <QString>

namespace Natter::Client {

// One desktop notification: who wrote what where.
struct Notification
{
    Wire::Id channelId;
    Wire::Id messageId;
    QString title; // "Ana in #general", or "Ana" for a direct message
    QString body;
};

// Where notifications go: freedesktop notifications over D-Bus, the tray icon's balloon, an in-app banner, or
// a test's fake. activated() reports a click on one, so the app can open the message.
class Notifier : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    // False when the backend cannot show anything (no notification service, no tray): the caller falls back.
    virtual bool isAvailable() const = 0;
    virtual void show(const Notification &notification) = 0;

signals:
    void activated(Natter::Wire::Id channelId, Natter::Wire::Id messageId);
};

} // namespace Natter::Client
