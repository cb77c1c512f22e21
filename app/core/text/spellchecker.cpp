#include "text/spellchecker.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTextStream>

#include <hunspell.h>

namespace Natter::Client {

namespace {
const QStringList DictionaryDirs { QStringLiteral("/usr/share/hunspell"), QStringLiteral("/usr/share/myspell") };

QString dictionaryPath(const QString &name)
{
    for (const QString &dir : DictionaryDirs)
        if (QFile::exists(dir + u'/' + name + u".dic"_qs)) return dir + u'/' + name;
    return {};
}
}

QStringList SpellChecker::installed()
{
    QStringList out;
    for (const QString &dir : DictionaryDirs)
        for (const QString &dic : QDir(dir).entryList({ u"*.dic"_qs }, QDir::Files))
            if (!out.contains(dic.chopped(4))) out.append(dic.chopped(4));
    out.sort();
    return out;
}

QString SpellChecker::resolve(const QString &language)
{
    const QString wanted = language.isEmpty() ? QLocale::system().name() : language;
    const QStringList all = installed();
    if (all.contains(wanted)) return wanted;
    const QString prefix = wanted.section(u'_', 0, 0) + u'_';
    for (const QString &d : all)
        if (d.startsWith(prefix)) return d;
    return all.contains(u"en_US"_qs) ? u"en_US"_qs : QString();
}

SpellChecker::SpellChecker(const QString &language, const QString &personalPath)
    : m_language(resolve(language))
    , m_personalPath(personalPath)
{
    m_base = m_language.isEmpty() ? QString() : dictionaryPath(m_language);
}

void *SpellChecker::handle() const
{
    if (m_loaded) return m_handle;
    m_loaded = true;
    if (m_base.isEmpty()) return nullptr;
    m_handle = Hunspell_create(QFile::encodeName(m_base + u".aff"_qs).constData(),
        QFile::encodeName(m_base + u".dic"_qs).constData());
    if (!m_handle) return nullptr;
    const QByteArray encoding = QByteArray(Hunspell_get_dic_encoding(static_cast<Hunhandle *>(m_handle))).toUpper();
    m_utf8 = encoding == "UTF-8" || encoding == "UTF8";
    QFile personal(m_personalPath);
    if (personal.open(QIODevice::ReadOnly | QIODevice::Text)) {
        QTextStream in(&personal);
        while (!in.atEnd()) {
            const QString word = in.readLine().trimmed();
            if (!word.isEmpty()) Hunspell_add(static_cast<Hunhandle *>(m_handle), encode(word).constData());
        }
    }
    return m_handle;
}

SpellChecker::~SpellChecker()
{
    if (m_handle) Hunspell_destroy(static_cast<Hunhandle *>(m_handle));
}

QByteArray SpellChecker::encode(const QString &word) const
{
    return m_utf8 ? word.toUtf8() : word.toLatin1();
}

QString SpellChecker::decode(const char *text) const
{
    return m_utf8 ? QString::fromUtf8(text) : QString::fromLatin1(text);
}

bool SpellChecker::isCorrect(const QString &word) const
{
    if (word.isEmpty() || !handle()) return true;
    return Hunspell_spell(static_cast<Hunhandle *>(m_handle), encode(word).constData()) != 0;
}

QStringList SpellChecker::suggestions(const QString &word, int max) const
{
    QStringList out;
    if (!handle()) return out;
    char **list = nullptr;
    const int n = Hunspell_suggest(static_cast<Hunhandle *>(m_handle), &list, encode(word).constData());
    for (int i = 0; i < n && out.size() < max; ++i)
        out.append(decode(list[i]));
    Hunspell_free_list(static_cast<Hunhandle *>(m_handle), &list, n);
    return out;
}

void SpellChecker::addToDictionary(const QString &word)
{
    if (word.isEmpty() || !handle()) return;
    Hunspell_add(static_cast<Hunhandle *>(m_handle), encode(word).constData());
    QFile personal(m_personalPath);
    if (personal.open(QIODevice::Append | QIODevice::Text)) personal.write(word.toUtf8() + '\n');
}

} // namespace Natter::Client
