// Selecting part of a message in the custom-painted list (MessageView + MessageTextSelector), offscreen.
#include "fakepagesource.h"
#include "messagedelegate.h"
#include "messagelayout.h"
#include "messagetextselector.h"
#include "messageview.h"
#include "models/messagelistmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QTest>

using namespace Natter::Client;

class TestSelection : public QObject
{
    Q_OBJECT

private:
    struct Shown
    {
        FakePageSource source { 20 };
        MessageListModel model { &source };
        MessageView view;
        Shown()
        {
            model.setChannel(Wire::Id(100));
            view.setMessageModel(&model);
            view.resize(700, 500);
            view.show();
        }
        // Where WORD's middle is in the body of the newest row (text "Message number 20"), in viewport pixels.
        QPoint at(const QString &prefix, const QString &word)
        {
            const QModelIndex index = view.model()->index(view.model()->rowCount() - 1, 0);
            const QRect body = view.messageDelegate()->bodyRect(index, view.visualRect(index));
            const QFontMetrics fm(MessageLayoutCache::bodyFont());
            return { body.left() + fm.horizontalAdvance(prefix) + fm.horizontalAdvance(word) / 2,
                body.top() + fm.height() / 2 };
        }
    };

private slots:
    void doubleClickSelectsAWordAndCopies()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QTRY_VERIFY(s.view.isAtBottom());
        QTest::mouseDClick(s.view.viewport(), Qt::LeftButton, {}, s.at(u"Message "_qs, u"number"_qs));
        QVERIFY(s.view.textSelector());
        QCOMPARE(s.view.textSelector()->selectedText(), u"number"_qs);
        QTest::keyClick(s.view.textSelector(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), u"number"_qs);
        // Esc leaves; the list has the keyboard again.
        QTest::keyClick(s.view.textSelector(), Qt::Key_Escape);
        QTRY_VERIFY(!s.view.textSelector());
    }

    void dragSelectsPartOfAMessage()
    {
        Shown s;
        QVERIFY(QTest::qWaitForWindowExposed(&s.view));
        QTRY_VERIFY(s.view.isAtBottom());
        const QPoint from = s.at(u""_qs, u"M"_qs) - QPoint(QFontMetrics(MessageLayoutCache::bodyFont()).horizontalAdvance(u"M"_qs) / 2 - 1, 0);
        const QPoint to = s.at(u"Message num"_qs, u""_qs);
        QTest::mousePress(s.view.viewport(), Qt::LeftButton, {}, from);
        QVERIFY(s.view.textSelector()); // opened by the press in the text
        QMouseEvent move(QEvent::MouseMove, to, s.view.viewport()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(s.view.viewport(), &move);
        QTest::mouseRelease(s.view.viewport(), Qt::LeftButton, {}, to);
        QCOMPARE(s.view.textSelector()->selectedText(), u"Message num"_qs);
        // A click in another row's text moves the selector there, with nothing selected.
        const QModelIndex other = s.view.model()->index(s.view.model()->rowCount() - 3, 0);
        const QRect body = s.view.messageDelegate()->bodyRect(other, s.view.visualRect(other));
        QTest::mouseClick(s.view.viewport(), Qt::LeftButton, {}, body.topLeft() + QPoint(4, 4));
        QVERIFY(s.view.textSelector());
        QCOMPARE(QPersistentModelIndex(s.view.textSelector()->index()).row(), s.model.rowCount() - 3);
        QVERIFY(s.view.textSelector()->selectedText().isEmpty());
        // The row going away (another channel) closes it.
        s.model.setChannel(Wire::Id(100));
        QTRY_VERIFY(!s.view.textSelector());
    }
};

QTEST_MAIN(TestSelection)
#include "tst_selection.moc"
