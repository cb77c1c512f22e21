#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QListWidget;
class QPlainTextEdit;

namespace Natter::Client {

// `@` and `#` completion in the composer: after "@al" it lists the channel's members whose username or name
// starts with "al", after "#ge" the channels; Up/Down choose, Enter or Tab insert "@alice " / "#general ",
// Esc dismisses. The list floats above the composer and never takes the keyboard focus.
class MentionCompleter : public QObject
{
    Q_OBJECT
public:
    struct Candidate
    {
        QString insert; // without the sigil: "alice"
        QString label; // "Alice Smith  @alice"
    };
    using Candidates = std::function<QList<Candidate>(QChar sigil, const QString &prefix)>;

    // The list is a child of EDITOR's window at the time (the chat widget): it must be an ancestor of EDITOR.
    MentionCompleter(QPlainTextEdit *editor, Candidates candidates);

    bool isActive() const;
    QStringList shownLabels() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();
    void insertCurrent();
    void hide();

    QPlainTextEdit *m_editor;
    Candidates m_candidates;
    QListWidget *m_popup;
    int m_start = -1; // position of the sigil
};

} // namespace Natter::Client
