#pragma once

#include <common/protocol/id.h>

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace Natter::Client {

// Who is typing in one channel, from the `typing` events of others. Each typer is forgotten EXPIRYMS (4 s,
// DESIGN.md) after the last news about them; text() is the line shown above the composer.
class TypingTracker : public QObject
{
    Q_OBJECT
public:
    explicit TypingTracker(QObject *parent = nullptr);

    void setExpiryMs(int ms) { m_expiryMs = ms; }
    int expiryMs() const { return m_expiryMs; }
    // Forgets everyone (another channel was opened).
    void clear();
    // NAME is how the typer is shown; a `typing: false` event removes them at once.
    void setTyping(Wire::Id userId, const QString &name, bool typing);
    // The names of the people typing, sorted.
    QStringList names() const;
    // "Alice is typing…", "Alice and Bob are typing…", "Several people are typing…", or empty.
    QString text() const;
    static QString textFor(const QStringList &names);

signals:
    void changed();

private:
    void sweep();

    struct Typer
    {
        QString name;
        QDeadlineTimer until;
    };
    QHash<Wire::Id, Typer> m_typers;
    QTimer m_sweep;
    int m_expiryMs = 4000;
};

} // namespace Natter::Client
