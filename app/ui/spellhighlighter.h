#pragma once

#include <QSyntaxHighlighter>

#include <memory>

namespace Natter::Client {

class SpellChecker;

// Underlines the misspelled words of a document with a red wave. Mentions (@name), channels (#name), links and
// words with digits are left alone.
class SpellHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    SpellHighlighter(QTextDocument *document, std::shared_ptr<SpellChecker> checker);
    SpellChecker *checker() const { return m_checker.get(); }
    // The words of TEXT this highlighter would underline, in order (tests).
    QStringList misspelled(const QString &text) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    template<class F> void forEachMisspelled(const QString &text, F f) const;

    std::shared_ptr<SpellChecker> m_checker;
};

} // namespace Natter::Client
