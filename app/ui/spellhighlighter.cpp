#include "spellhighlighter.h"
#include "chatpalette.h"
#include "text/spellchecker.h"

#include <QRegularExpression>

namespace Natter::Client {

SpellHighlighter::SpellHighlighter(QTextDocument *document, std::shared_ptr<SpellChecker> checker)
    : QSyntaxHighlighter(document)
    , m_checker(std::move(checker))
{
}

template<class F> void SpellHighlighter::forEachMisspelled(const QString &text, F f) const
{
    if (!m_checker || !m_checker->isValid()) return;
    static const QRegularExpression link(u"\\b\\w+://\\S+|\\bwww\\.\\S+"_qs);
    static const QRegularExpression word(u"[\\p{L}][\\p{L}'’]*[\\p{L}]|[\\p{L}]"_qs);
    QList<std::pair<qsizetype, qsizetype>> skipped;
    for (auto it = link.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        skipped.append({ m.capturedStart(), m.capturedEnd() });
    }
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const qsizetype start = m.capturedStart(), end = m.capturedEnd();
        if (start > 0 && (text.at(start - 1) == u'@' || text.at(start - 1) == u'#' || text.at(start - 1).isDigit()))
            continue;
        if (end < text.size() && text.at(end).isDigit()) continue;
        if (std::any_of(skipped.cbegin(), skipped.cend(), [&](const auto &s) { return start >= s.first && start < s.second; }))
            continue;
        if (!m_checker->isCorrect(m.captured())) f(start, end - start, m.captured());
    }
}

QStringList SpellHighlighter::misspelled(const QString &text) const
{
    QStringList out;
    forEachMisspelled(text, [&](qsizetype, qsizetype, const QString &w) { out.append(w); });
    return out;
}

void SpellHighlighter::highlightBlock(const QString &text)
{
    QTextCharFormat wrong;
    wrong.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
    wrong.setUnderlineColor(ChatPalette::current().danger);
    forEachMisspelled(text, [&](qsizetype start, qsizetype length, const QString &) {
        setFormat(int(start), int(length), wrong);
    });
}

} // namespace Natter::Client
