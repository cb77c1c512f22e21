#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace Natter::Client {

// Edits a message in place of its body: Enter saves, Shift+Enter breaks the line, Esc cancels. A refusal is
// shown under the text, which stays as typed.
class InlineEditor : public QWidget
{
    Q_OBJECT
public:
    explicit InlineEditor(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    void showError(const QString &error);
    QString error() const;
    void setBusy(bool busy);
    static int preferredHeight();

signals:
    void saveRequested(const QString &text);
    void cancelRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPlainTextEdit *m_edit;
    QLabel *m_hint;
};

} // namespace Natter::Client
