#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace Natter::Client {

// Spelling through Hunspell. LANGUAGE names a dictionary ("en_US", "de_DE"); empty picks the system locale's
// (falling back to its language's first dictionary, then en_US). Words the user added are kept one per line in
// PERSONALPATH and loaded again on the next start. isValid() is false when no dictionary could be opened: then
// every word counts as correct.
class SpellChecker
{
public:
    SpellChecker(const QString &language, const QString &personalPath);
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    bool isValid() const { return m_handle != nullptr; }
    QString language() const { return m_language; }
    bool isCorrect(const QString &word) const;
    // Up to MAX suggestions, best first.
    QStringList suggestions(const QString &word, int max = 6) const;
    // Accepts WORD from now on, in this run and the next ones.
    void addToDictionary(const QString &word);

    // The dictionaries installed ("de_DE", "en_US", …).
    static QStringList installed();
    // The dictionary for LANGUAGE (see the constructor), or an empty string.
    static QString resolve(const QString &language);

private:
    QByteArray encode(const QString &word) const;
    QString decode(const char *text) const;

    void *m_handle = nullptr; // Hunhandle
    QString m_language;
    QString m_personalPath;
    bool m_utf8 = true;
};

} // namespace Natter::Client
