#pragma once

#include <QString>
#include <QStringList>

#include <memory>

namespace Natter::Client {

// Spelling through Hunspell. LANGUAGE names a dictionary ("en_US", "de_DE"); empty picks the system locale's
// (falling back to its language's first dictionary, then en_US). Words the user added are kept one per line in
// PERSONALPATH and loaded again on the next start. isValid() is false when no dictionary could be opened: then
// every word counts as correct. The dictionary is read when the first word is checked, not when the checker is
// made: Hunspell's tables for en_US take about 8 MB and a noticeable part of a launch, and someone who only
// reads never needs them (natter-bench app-window).
class SpellChecker
{
public:
    SpellChecker(const QString &language, const QString &personalPath);
    ~SpellChecker();
    SpellChecker(const SpellChecker &) = delete;
    SpellChecker &operator=(const SpellChecker &) = delete;

    bool isValid() const { return m_loaded ? m_handle != nullptr : !m_base.isEmpty(); }
    // Whether the dictionary has been read yet (tests, the bench).
    bool isLoaded() const { return m_loaded; }
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
    void *handle() const; // reads the dictionary the first time

    QString m_base; // the dictionary's path without .aff/.dic; empty when there is none
    mutable bool m_loaded = false;
    mutable void *m_handle = nullptr; // Hunhandle
    QString m_language;
    QString m_personalPath;
    mutable bool m_utf8 = true;
};

} // namespace Natter::Client
