#include "text/displaytext.h"

namespace Natter::Client::DisplayText {

namespace {
    // The code point at TEXT[*I] (a surrogate pair counts as one); advances *I past it.
    char32_t next(const QString &text, qsizetype *i)
    {
        const QChar c = text.at(*i);
        ++*i;
        if (c.isHighSurrogate() && *i < text.size() && text.at(*i).isLowSurrogate())
            return QChar::surrogateToUcs4(c, text.at((*i)++));
        return c.unicode();
    }

    bool isMark(char32_t c)
    {
        switch (QChar::category(c)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_SpacingCombining:
        case QChar::Mark_Enclosing:
            return true;
        default:
            return false;
        }
    }
} // namespace

QString limitCombiningMarks(const QString &text, int maxMarks)
{
    // First pass without copying: almost all text is within the limit.
    int run = 0;
    bool over = false;
    for (qsizetype i = 0; i < text.size() && !over;) {
        run = isMark(next(text, &i)) ? run + 1 : 0;
        over = run > maxMarks;
    }
    if (!over)
        return text;
    QString out;
    out.reserve(text.size());
    run = 0;
    for (qsizetype i = 0; i < text.size();) {
        const qsizetype start = i;
        run = isMark(next(text, &i)) ? run + 1 : 0;
        if (run <= maxMarks)
            out.append(QStringView(text).mid(start, i - start));
    }
    return out;
}

QString limitCombiningMarks(const QString &text)
{
    return limitCombiningMarks(text, MaxCombiningMarks);
}

} // namespace Natter::Client::DisplayText
