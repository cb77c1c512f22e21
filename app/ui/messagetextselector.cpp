#include "messagetextselector.h"

#include <QKeyEvent>
#include <QTextDocumentFragment>
#include <QScrollBar>

namespace Natter::Client {

MessageTextSelector::MessageTextSelector(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(u"messageTextSelector"_qs);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setOpenLinks(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard | Qt::LinksAccessibleByMouse);
    // The row's own background (mention band, highlight, hover) stays visible underneath.
    viewport()->setAutoFillBackground(false);
    setAutoFillBackground(false);
    setStyleSheet(u"QTextBrowser#messageTextSelector { background: transparent; }"_qs);
    setAccessibleName(tr("Message text"));
    connect(this, &QTextBrowser::anchorClicked, this, &MessageTextSelector::linkActivated);
}

void MessageTextSelector::open(
    const QPersistentModelIndex &index, const QTextDocument &document, const QColor &text, const QColor &link)
{
    m_index = index;
    QTextDocument *copy = document.clone(this);
    copy->setDefaultFont(document.defaultFont());
    copy->setDocumentMargin(document.documentMargin());
    copy->setTextWidth(document.textWidth());
    setDocument(copy);
    QPalette p = palette();
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Link, link);
    setPalette(p);
    setLineWrapColumnOrWidth(int(document.textWidth()));
    setLineWrapMode(QTextEdit::FixedPixelWidth);
    verticalScrollBar()->setValue(0);
}

QString MessageTextSelector::selectedText() const
{
    // QTextCursor separates paragraphs with U+2029; what is copied has line breaks.
    return textCursor().selection().toPlainText();
}

void MessageTextSelector::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        emit closeRequested();
        return;
    }
    // Without a selection the keys are the list's (arrows, E, R, T, Delete): pass them on and step aside.
    if (!textCursor().hasSelection() && !(event->modifiers() & (Qt::ShiftModifier | Qt::ControlModifier))) {
        emit closeRequested();
        event->ignore();
        return;
    }
    QTextBrowser::keyPressEvent(event);
}

void MessageTextSelector::focusOutEvent(QFocusEvent *event)
{
    QTextBrowser::focusOutEvent(event);
    // Its own context menu takes the focus for a moment; anything else ends the selection.
    if (event->reason() != Qt::PopupFocusReason) emit closeRequested();
}

} // namespace Natter::Client
