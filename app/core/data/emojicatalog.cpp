#include "data/emojicatalog.h"
#include "logging.h"

#include <QFile>
#include <QIODevice>

namespace Natter::Client {

EmojiCatalog EmojiCatalog::read(QIODevice &device)
{
    // Lines look like
    //   # group: Smileys & Emotion
    //   1F600 ; fully-qualified # 😀 E1.0 grinning face
    EmojiCatalog catalog;
    bool skipGroup = false;
    while (!device.atEnd()) {
        const QString line = QString::fromUtf8(device.readLine()).trimmed();
        if (line.startsWith(u"# group:")) {
            const QString group = line.mid(8).trimmed();
            skipGroup = group == u"Component";
            if (!skipGroup) catalog.m_groups.append(group);
            continue;
        }
        if (skipGroup || line.isEmpty() || line.startsWith(u'#') || catalog.m_groups.isEmpty()) continue;
        const int semicolon = line.indexOf(u';');
        const int hash = line.indexOf(u'#', semicolon);
        if (semicolon < 0 || hash < 0) continue;
        if (QStringView(line).mid(semicolon + 1, hash - semicolon - 1).trimmed() != u"fully-qualified") continue;
        const QStringList rest = line.mid(hash + 1).trimmed().split(u' ', Qt::SkipEmptyParts);
        if (rest.size() < 3) continue; // emoji, version, name…
        const QString name = rest.mid(2).join(u' ').toLower();
        if (name.contains(u"skin tone")) continue;
        catalog.m_emoji.append({ rest.at(0), name, int(catalog.m_groups.size()) - 1 });
    }
    return catalog;
}

const EmojiCatalog &EmojiCatalog::builtIn()
{
    static const EmojiCatalog catalog = [] {
        QFile file(u":/natter/emoji-test.txt"_qs);
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcEmoji) << "no emoji list compiled in:" << file.errorString();
            return EmojiCatalog();
        }
        EmojiCatalog c = read(file);
        qCInfo(lcEmoji) << c.m_emoji.size() << "emoji in" << c.m_groups.size() << "groups";
        return c;
    }();
    return catalog;
}

QList<int> EmojiCatalog::search(const QString &query) const
{
    const QStringList words = query.toLower().split(u' ', Qt::SkipEmptyParts);
    QList<int> out;
    for (int i = 0; i < m_emoji.size(); ++i) {
        const QString &name = m_emoji.at(i).name;
        if (std::all_of(words.begin(), words.end(), [&](const QString &w) { return name.contains(w); }))
            out.append(i);
    }
    return out;
}

int EmojiCatalog::indexOf(const QString &text) const
{
    for (int i = 0; i < m_emoji.size(); ++i)
        if (m_emoji.at(i).text == text) return i;
    return -1;
}

} // namespace Natter::Client
