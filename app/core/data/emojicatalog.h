#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QIODevice;

namespace Natter::Client {

// The emoji a picker offers, read from Unicode's emoji-test.txt (Debian's unicode-data package; the build
// compiles a copy into the program as :/natter/emoji-test.txt). Fully-qualified emoji only, without the
// skin-tone variants and the "Component" group, in Unicode's order.
class EmojiCatalog
{
public:
    struct Emoji
    {
        QString text;
        QString name; // CLDR short name, lower case ("grinning face")
        int group = 0; // index into groups()
    };

    // Parses emoji-test.txt from DEVICE.
    static EmojiCatalog read(QIODevice &device);
    // The copy compiled into the program; empty (and a warning logged) if it is missing.
    static const EmojiCatalog &builtIn();

    const QList<Emoji> &emoji() const { return m_emoji; }
    const QStringList &groups() const { return m_groups; }
    bool isEmpty() const { return m_emoji.isEmpty(); }
    // The emoji whose name contains every word of QUERY (case-insensitive), in catalog order.
    QList<int> search(const QString &query) const;
    // The index of the emoji TEXT, or -1.
    int indexOf(const QString &text) const;

private:
    QList<Emoji> m_emoji;
    QStringList m_groups;
};

} // namespace Natter::Client
