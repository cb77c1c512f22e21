#include "composer.h"
#include "typingnotifier.h"

#include <QKeyEvent>
#include <QTextBlock>

Composer::Composer(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_typing(new TypingNotifier(this))
{
    setObjectName(u"composer"_qs);
    setTabChangesFocus(true);
    setPlaceholderText(tr("Write a message"));
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::adjustHeight);
    adjustHeight();
}

QSize Composer::sizeHint() const
{
    return { 400, minimumHeight() };
}

void Composer::adjustHeight()
{
    const int lineHeight = fontMetrics().lineSpacing();
    const int lines = std::clamp(document()->blockCount() + 0, 1, 6);
    const int margins
        = int(document()->documentMargin() * 2) + contentsMargins().top() + contentsMargins().bottom();
    setFixedHeight(lines * lineHeight + margins + 8);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText().trimmed();
        if (!text.isEmpty()) {
            m_typing->messageSent();
            clear();
            emit sendRequested(text);
        }
        return;
    }
    if (enter) {
        insertPlainText(u"\n"_qs);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    if (!event->text().isEmpty() || event->key() == Qt::Key_Backspace) m_typing->keyPressed();
}
