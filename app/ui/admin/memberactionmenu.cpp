#include "admin/memberactionmenu.h"
#include "models/adminmodels.h"

#include <QDateTime>

namespace Natter::Client {

MemberPermissions MemberPermissions::of(Wire::Role caller, const Wire::Member &target, bool self, bool direct)
{
    MemberPermissions p;
    if (self || direct) return p;
    const bool owner = caller == Wire::Role::Owner;
    const bool admin = caller == Wire::Role::Admin;
    const bool plainTarget = target.role == Wire::Role::Member;
    p.canMute = owner || (admin && plainTarget);
    p.canRemove = p.canMute;
    p.canPromote = plainTarget && (owner || admin);
    p.canDemote = owner && target.role == Wire::Role::Admin;
    return p;
}

const QList<qint64> &MemberActionMenu::muteDurations()
{
    static const QList<qint64> durations { 15 * 60, 3600, 8 * 3600, 24 * 3600 };
    return durations;
}

QAction *MemberActionMenu::add(QMenu *menu, const QString &text, const QString &name)
{
    QAction *a = menu->addAction(text);
    a->setObjectName(name);
    return a;
}

MemberActionMenu::MemberActionMenu(const Wire::Member &member, const MemberPermissions &can, bool self, QWidget *parent)
    : QMenu(parent)
{
    setObjectName(u"memberMenu"_qs);
    if (!self)
        connect(add(this, tr("Send a direct message"), u"memberMessage"_qs), &QAction::triggered, this,
            &MemberActionMenu::directMessageRequested);
    if (!can.any()) return;
    addSeparator();
    if (can.canPromote)
        connect(add(this, tr("Make channel admin"), u"memberPromote"_qs), &QAction::triggered, this,
            [this] { emit roleRequested(Wire::Role::Admin); });
    if (can.canDemote)
        connect(add(this, tr("Remove admin rights"), u"memberDemote"_qs), &QAction::triggered, this,
            [this] { emit roleRequested(Wire::Role::Member); });
    if (can.canMute) {
        const bool muted = member.mutedUntil > QDateTime::currentMSecsSinceEpoch();
        if (muted) {
            connect(add(this, tr("Unmute (muted until %1)").arg(shortTime(member.mutedUntil)), u"memberUnmute"_qs),
                &QAction::triggered, this, &MemberActionMenu::unmuteRequested);
        }
        QMenu *mute = addMenu(muted ? tr("Mute for longer") : tr("Mute in this channel"));
        mute->setObjectName(u"memberMute"_qs);
        mute->menuAction()->setObjectName(u"memberMuteMenu"_qs);
        const QStringList labels { tr("15 minutes"), tr("1 hour"), tr("8 hours"), tr("24 hours") };
        for (int i = 0; i < muteDurations().size(); ++i) {
            const qint64 seconds = muteDurations().at(i);
            connect(add(mute, labels.at(i), u"mute%1"_qs.arg(seconds)), &QAction::triggered, this,
                [this, seconds] { emit muteRequested(seconds); });
        }
        mute->addSeparator();
        connect(add(mute, tr("Custom…"), u"muteCustom"_qs), &QAction::triggered, this, [this] { emit muteRequested(0); });
    }
    if (can.canRemove) {
        addSeparator();
        connect(add(this, tr("Remove from channel…"), u"memberRemove"_qs), &QAction::triggered, this,
            &MemberActionMenu::removeRequested);
    }
}

} // namespace Natter::Client
