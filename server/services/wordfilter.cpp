#include "services/wordfilter.h"

#include <QFile>
#include <QHash>

namespace Natter::Server {

namespace {
// Cyrillic and Greek letters (lower case: the text is case-folded first) that look like a Latin one.
const QHash<char32_t, char16_t> &confusables()
{
    static const QHash<char32_t, char16_t> map {
        // Cyrillic
        { U'а', u'a' }, { U'в', u'b' }, { U'е', u'e' }, { U'ё', u'e' }, { U'к', u'k' }, { U'м', u'm' },
        { U'н', u'h' }, { U'о', u'o' }, { U'р', u'p' }, { U'с', u'c' }, { U'т', u't' }, { U'у', u'y' },
        { U'х', u'x' }, { U'ѕ', u's' }, { U'і', u'i' }, { U'ї', u'i' }, { U'ј', u'j' }, { U'ԁ', u'd' },
        { U'һ', u'h' }, { U'ӏ', u'l' }, { U'ԛ', u'q' }, { U'ԝ', u'w' }, { U'ь', u'b' }, { U'п', u'n' },
        // Greek
        { U'α', u'a' }, { U'β', u'b' }, { U'ε', u'e' }, { U'η', u'n' }, { U'ι', u'i' }, { U'κ', u'k' },
        { U'ν', u'v' }, { U'ο', u'o' }, { U'ρ', u'p' }, { U'τ', u't' }, { U'υ', u'u' }, { U'χ', u'x' },
        { U'γ', u'y' }, { U'ω', u'w' }, { U'ς', u's' }, { U'ϲ', u'c' }, { U'μ', u'u' },
    };
    return map;
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}
} // namespace

QString WordFilter::skeleton(const QString &text, QList<qsizetype> *origin)
{
    QString out;
    out.reserve(text.size());
    if (origin)
        origin->clear();
    for (qsizetype i = 0; i < text.size();) {
        const char32_t cp = text.at(i).isHighSurrogate() && i + 1 < text.size()
            ? QChar::surrogateToUcs4(text.at(i), text.at(i + 1))
            : text.at(i).unicode();
        const qsizetype width = cp > 0xFFFF ? 2 : 1;
        const QString decomposed = QString::fromUcs4(&cp, 1).normalized(QString::NormalizationForm_KD);
        for (const char32_t d : decomposed.toUcs4()) {
            const auto category = QChar::category(d);
            if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing
                || category == QChar::Other_Format)
                continue; // accents, zero-width joiners and spaces, bidi marks
            for (const char32_t f : QString::fromUcs4(&d, 1).toCaseFolded().toUcs4()) {
                const auto mapped = confusables().constFind(f);
                const QString piece = mapped != confusables().constEnd() ? QString(QChar(*mapped))
                                                                         : QString::fromUcs4(&f, 1);
                out += piece;
                if (origin)
                    for (qsizetype k = 0; k < piece.size(); ++k)
                        origin->append(i);
            }
        }
        i += width;
    }
    return out;
}

void WordFilter::add(const QString &term, Action action)
{
    const QString s = skeleton(term.trimmed());
    if (!s.isEmpty())
        m_terms.append({ s, action });
}

bool WordFilter::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = u"cannot read the word filter %1: %2"_qs.arg(path, file.errorString());
        return false;
    }
    m_terms.clear();
    while (!file.atEnd()) {
        QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        Action action = Action::Block;
        if (line.startsWith(u"mask:")) {
            action = Action::Mask;
            line = line.mid(5);
        } else if (line.startsWith(u"block:")) {
            line = line.mid(6);
        }
        add(line, action);
    }
    return true;
}

Result<QString> WordFilter::apply(const QString &text) const
{
    if (m_terms.isEmpty() || text.isEmpty())
        return text;
    QList<qsizetype> origin;
    const QString s = skeleton(text, &origin);
    // Masked spans in TEXT, as [begin, end) of original indices.
    QList<std::pair<qsizetype, qsizetype>> spans;
    for (const Term &term : m_terms) {
        for (qsizetype at = s.indexOf(term.skeleton); at >= 0; at = s.indexOf(term.skeleton, at + 1)) {
            const qsizetype end = at + term.skeleton.size();
            if ((at > 0 && isWordChar(s.at(at - 1))) || (end < s.size() && isWordChar(s.at(end))))
                continue;
            if (term.action == Action::Block)
                return Wire::Error::forbidden(
                    u"your message contains a word that is not allowed on this server"_qs);
            const qsizetype begin = origin.at(at);
            qsizetype last = origin.at(end - 1);
            if (text.at(last).isHighSurrogate())
                ++last;
            spans.append({ begin, last + 1 });
        }
    }
    QString out = text;
    for (const auto &[begin, end] : spans)
        for (qsizetype k = begin; k < end; ++k)
            out[k] = u'*';
    return out;
}

} // namespace Natter::Server
