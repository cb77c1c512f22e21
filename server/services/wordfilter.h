#pragma once

#include <common/protocol/error.h>
#include <common/result.h>

#include <QList>
#include <QString>

namespace Natter::Server {

// The server's word filter (--word-filter FILE): terms that block a message (refused with 403 forbidden) or
// are masked with '*'. Matching is on a skeleton of the text: compatibility-decomposed (NFKD, so full-width and
// styled letters become plain ones), combining marks and invisible format characters dropped, case-folded, and
// common Cyrillic and Greek look-alikes mapped to the Latin letter they imitate ("ВАD" with a Cyrillic В and А
// matches "bad"). A term matches whole words only: "ass" does not match "class".
class WordFilter
{
public:
    enum class Action { Block, Mask };
    struct Term
    {
        QString skeleton;
        Action action = Action::Block;
    };

    // FILE: one term (a word or phrase) per line; `mask:TERM` masks instead of blocking; blank lines and lines
    // starting with '#' are skipped.
    bool load(const QString &path, QString *error);
    void add(const QString &term, Action action);
    bool isEmpty() const { return m_terms.isEmpty(); }

    // TEXT unchanged, TEXT with masked terms replaced by '*', or forbidden for a blocked term.
    Result<QString> apply(const QString &text) const;

    // The skeleton of TEXT; *ORIGIN (when given) receives, for each skeleton character, the index in TEXT of
    // the character it came from.
    static QString skeleton(const QString &text, QList<qsizetype> *origin = nullptr);

private:
    QList<Term> m_terms;
};

} // namespace Natter::Server
