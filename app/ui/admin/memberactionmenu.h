#pragma once

#include <common/protocol/channel.h>

#include <QMenu>

namespace Natter::Client {

// What the caller may do to one member of a group channel, by the rules of docs/protocol.md ("Moderation"):
// owners act on anyone but themselves, admins on plain members only, members on nobody; owners make members
// admins and take it back, admins make plain members admins. Direct channels have no roles or mutes.
struct MemberPermissions
{
    bool canPromote = false; // member -> admin
    bool canDemote = false; // admin -> member
    bool canMute = false; // mute and unmute
    bool canRemove = false;

    bool any() const { return canPromote || canDemote || canMute || canRemove; }
    static MemberPermissions of(Wire::Role caller, const Wire::Member &target, bool self, bool direct);
};

// The members panel's context menu for one member. Each choice is a signal; MemberModeration carries it out.
class MemberActionMenu : public QMenu
{
    Q_OBJECT
public:
    // Mute durations offered, in seconds (15 min, 1 h, 8 h, 24 h); "Custom…" asks.
    static const QList<qint64> &muteDurations();

    MemberActionMenu(const Wire::Member &member, const MemberPermissions &can, bool self, QWidget *parent = nullptr);

signals:
    void directMessageRequested();
    void roleRequested(Natter::Wire::Role role);
    // SECONDS 0: ask for a custom duration.
    void muteRequested(qint64 seconds);
    void unmuteRequested();
    void removeRequested();

private:
    QAction *add(QMenu *menu, const QString &text, const QString &name);
};

} // namespace Natter::Client
