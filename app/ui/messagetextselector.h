#pragma once

#include <QPersistentModelIndex>
#include <QTextBrowser>

namespace Natter::Client {

// Selecting part of a message. The message list paints its rows (no widget per message), so for selection a
// read-only QTextBrowser holding a copy of the row's document is laid exactly over the row's body: MessageView
// opens it on a press in the text (a drag then selects) or a double click (a word), and it looks like the row
// itself. Ctrl+C and its context menu copy the selection; Esc, a click outside or the row going away close it.
// Links in it still open on click.
class MessageTextSelector : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MessageTextSelector(QWidget *parent = nullptr);

    // Shows a copy of DOCUMENT (the row's laid-out body) for INDEX, in TEXT and LINK colours.
    void open(const QPersistentModelIndex &index, const QTextDocument &document, const QColor &text, const QColor &link);
    QPersistentModelIndex index() const { return m_index; }
    QString selectedText() const;

signals:
    void closeRequested();
    void linkActivated(const QUrl &url);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    QPersistentModelIndex m_index;
};

} // namespace Natter::Client
