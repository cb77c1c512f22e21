#include "attachmenttray.h"
#include "chatpalette.h"
#include "composer.h"
#include "clientstack.h"
#include "fakepagesource.h"
#include "imageviewer.h"
#include "language.h"
#include "media/mediacache.h"
#include "media/medialoader.h"
#include "media/uploadclient.h"
#include "messagedelegate.h"
#include "messageview.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "spellhighlighter.h"
#include "text/spellchecker.h"
#include "testclient.h"
#include "testserver.h"

#include <QAccessible>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QTimer>
#include <QMimeData>
#include <QProgressBar>
#include <QToolButton>
#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeWidget>

// Files, themes, languages and accessibility in the widgets, offscreen: thumbnails and file cards in a
// MessageView against a real server, the image viewer, Save…, a file the user may not see, the dark palette
// reaching the delegates, the German catalogue, the settings dialog and the accessible text of a row.
using namespace Natter::Client;
namespace Wire = Natter::Wire;

namespace {
// The share of PIXELS of IMG inside RECT whose lightness is below 100.
double darkShare(const QImage &img, const QRect &rect)
{
    int dark = 0, total = 0;
    for (int y = rect.top(); y <= rect.bottom(); y += 2)
        for (int x = rect.left(); x <= rect.right(); x += 2) {
            ++total;
            if (QColor(img.pixel(x, y)).lightness() < 100) ++dark;
        }
    return total ? double(dark) / total : 0.0;
}
}

class TestFilesUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        qRegisterMetaType<Wire::Attachment>();
        qRegisterMetaType<MediaLoader::Status>();
    }

    void darkPaletteReachesTheDelegates()
    {
        const QPalette system = QApplication::palette();
        FakePageSource source(6);
        MessageListModel model(&source);
        QWidget window; // inside a window, as in the app
        window.resize(600, 400);
        MessageView &view = *new MessageView(&window);
        view.resize(600, 400);
        view.setMessageModel(&model);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        model.setChannel(Wire::Id(100));
        QTRY_COMPARE(model.rowCount(), 6);

        applyTheme(AppSettings::Theme::Dark, system);
        QVERIFY(ChatPalette::of(view.palette()).dark);
        QImage shot = view.viewport()->grab().toImage();
        const QRect rows = view.visualRect(view.model()->index(5, 0)).intersected(shot.rect());
        QVERIFY(!rows.isEmpty());
        QVERIFY2(darkShare(shot, rows) > 0.8, "rows are painted on a dark background");
        // The text is light: some pixels of the body are bright.
        const QRect body = view.messageDelegate()->bodyRect(view.model()->index(5, 0), rows);
        bool bright = false;
        for (int y = body.top(); y <= body.bottom() && !bright; ++y)
            for (int x = body.left(); x <= body.right() && !bright; ++x)
                bright = QColor(shot.pixel(x, y)).lightness() > 170;
        QVERIFY(bright);

        applyTheme(AppSettings::Theme::Light, system);
        QVERIFY(!ChatPalette::of(view.palette()).dark);
        shot = view.viewport()->grab().toImage();
        QVERIFY2(darkShare(shot, rows) < 0.2, "and on a light one after switching back");
    }

    void colourTokensInStyleSheets()
    {
        const ChatPalette dark = ChatPalette::darkPalette();
        QCOMPARE(dark.styleSheet(u"QLabel { color: @text; background: @base; } @unknown"_qs),
            u"QLabel { color: %1; background: %2; } @unknown"_qs.arg(dark.text.name(), dark.base.name()));
    }

    void germanIsLoaded()
    {
        installTranslations(u"de"_qs);
        QCOMPARE(QLocale().language(), QLocale::German);
        QCOMPARE(MessageDelegate::tr("Today"), u"Heute"_qs);
        QCOMPARE(mediaStatusText(MediaLoader::Status::Missing),
            u"Diese Datei ist nicht verfügbar: Sie wurde entfernt, oder Sie dürfen sie nicht sehen."_qs);
        SettingsDialog dialog(Profile(u"de-test"_qs, QDir::tempPath() + u"/natter-filesui"_qs), nullptr);
        QCOMPARE(dialog.windowTitle(), u"Einstellungen"_qs);
        installTranslations(u"en"_qs);
        QCOMPARE(MessageDelegate::tr("Today"), u"Today"_qs);
    }

    void accessibleTextOfAMessageRow()
    {
        FakePageSource source(1);
        MessageListModel model(&source);
        MessageView view;
        view.resize(600, 400);
        view.setMessageModel(&model);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.setChannel(Wire::Id(100));
        QTRY_COMPARE(model.rowCount(), 1);
        Message m = source.make(2);
        m.id = {};
        m.clientMsgId = u"c-a11y"_qs;
        m.text = u"Lunch at noon?"_qs;
        m.reactions = { { u"👍"_qs, 2, false }, { u"🎉"_qs, 1, true } };
        Wire::Attachment a;
        a.id = Wire::Id(77);
        a.name = u"menu.pdf"_qs;
        m.attachments = { a };
        m.state = SendState::Sending;
        model.addPending(m);
        const QModelIndex row = model.index(model.rowCount() - 1);
        const QString text = row.data(Qt::AccessibleTextRole).toString();
        const QString time = QLocale().toString(timeFromWire(m.createdAt).toLocalTime(), QLocale::ShortFormat);
        QVERIFY2(text.startsWith(u"User 0 at "_qs), qPrintable(text));
        QVERIFY2(text.contains(u"Lunch at noon?"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"1 file: menu.pdf"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"Reactions: 👍 2 times, 🎉 1 time"_qs), qPrintable(text));
        QVERIFY2(text.endsWith(u"Sending"_qs), qPrintable(text));
        Q_UNUSED(time);

        // The same sentence reaches assistive technology through the list's accessible interface.
        QAccessible::setActive(true);
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(&view);
        QVERIFY(list);
        QString found;
        for (int i = 0; i < list->childCount(); ++i)
            if (QAccessibleInterface *child = list->child(i))
                if (child->text(QAccessible::Name).contains(u"Lunch at noon?"_qs)) found = child->text(QAccessible::Name);
        QCOMPARE(found, text);
    }

    void settingsAreKeptPerProfile()
    {
        QTemporaryDir dir;
        const Profile profile(u"settings-test"_qs, dir.path());
        QTemporaryDir cacheDir;
        MediaCache cache(cacheDir.path());
        cache.store(u"x"_qs, QByteArray(5000, 'x'));
        SettingsDialog dialog(profile, &cache);
        QSignalSpy themed(&dialog, &SettingsDialog::themeChanged);
        dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(int(AppSettings::Theme::Dark)));
        dialog.languageBox()->setCurrentIndex(dialog.languageBox()->findData(u"de"_qs));
        dialog.accept();
        QCOMPARE(themed.size(), 1);
        const AppSettings saved(profile);
        QCOMPARE(saved.theme(), AppSettings::Theme::Dark);
        QCOMPARE(saved.language(), u"de"_qs);
        QVERIFY(saved.notifications());
        QCOMPARE(AppSettings(Profile(u"other"_qs, dir.path())).theme(), AppSettings::Theme::System);
        applyTheme(AppSettings::Theme::Light, QApplication::palette());
    }

    void shortcutsOverviewListsTheKeys()
    {
        ShortcutsDialog dialog;
        QVERIFY(dialog.list()->topLevelItemCount() > 15);
        bool hasSettings = false;
        for (int i = 0; i < dialog.list()->topLevelItemCount(); ++i)
            hasSettings |= dialog.list()->topLevelItem(i)->text(1) == QKeySequence(u"Ctrl+,"_qs).toString(QKeySequence::NativeText);
        QVERIFY(hasSettings);
    }

    void imagesAndFileCardsAgainstServer()
    {
        TestServer server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        RestClient rest(server);
        const TestAccount alice = rest.registerUser(u"alice"_qs);
        const Wire::Id channelId
            = Wire::Id::fromString(rest.createChannel(alice, u"general"_qs, u"public"_qs, {}));
        ClientStack c(server.httpUrl(), alice.token, dir.filePath(u"alice.sqlite"_qs));
        c.session->start();
        QTRY_VERIFY_WITH_TIMEOUT(c.session->isSynced(), 20000);
        c.session->openChannel(c.model.get(), channelId);
        QTRY_VERIFY(!c.model->isLoading());

        QImage img(800, 400, QImage::Format_RGB32);
        img.fill(QColor(200, 60, 60));
        img.save(dir.filePath(u"red.png"_qs));
        QFile notes(dir.filePath(u"notes.txt"_qs));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write(QByteArray(3000, 'n'));
        notes.close();
        UploadClient uploads(&c.nam, &c.api);
        QList<Wire::Attachment> files;
        for (const QString &name : { u"red.png"_qs, u"notes.txt"_qs }) {
            Upload *u = uploads.start(dir.filePath(name));
            QSignalSpy done(u, &Upload::finished);
            QVERIFY(done.wait(20000));
            files.append(done.at(0).at(0).value<Wire::Attachment>());
        }
        // A file that does not exist (or that the user may not see: the server answers both alike).
        Wire::Attachment gone = files.at(0);
        gone.id = Wire::Id(424242);
        gone.name = u"gone.png"_qs;
        gone.url = u"/api/v1/uploads/424242/gone.png"_qs;
        gone.thumbnailUrl = u"/api/v1/uploads/424242/thumbnail"_qs;
        c.session->sendMessage(channelId, u"Here you go"_qs, files);
        QTRY_COMPARE_WITH_TIMEOUT(c.session->outboxSize(), 0, 20000);

        MediaCache cache(dir.filePath(u"media"_qs));
        MediaLoader media(&c.nam, &c.api, &cache);
        MessageView view;
        view.resize(700, 700);
        view.setMessageModel(c.model.get());
        view.setMediaLoader(&media);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_COMPARE(c.model->rowCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(media.status(files.at(0).thumbnailUrl), MediaLoader::Status::Ready, 10000);

        // The image is drawn inline at its aspect ratio (2:1), the text file as a card.
        const QModelIndex index = view.model()->index(0, 0);
        const MessageLayout &l = view.messageDelegate()->layouts().layout(index, view.messageDelegate()->width());
        QCOMPARE(l.files.size(), 2);
        QVERIFY(l.files.at(0).image);
        QCOMPARE(l.files.at(0).rect.size(), QSize(360, 180));
        QVERIFY(!l.files.at(1).image);
        QVERIFY(!l.files.at(1).save.isEmpty() && !l.files.at(1).open.isEmpty());
        const QRect row = view.visualRect(index);
        const QImage shot = view.viewport()->grab().toImage();
        const QColor mid = shot.pixelColor(l.files.at(0).rect.translated(row.topLeft()).center());
        QVERIFY2(mid.red() > 150 && mid.green() < 110, qPrintable(mid.name()));

        // A click on the image opens the viewer with the full picture.
        QSignalSpy opened(&view, &MessageView::imageViewerOpened);
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, l.files.at(0).rect.translated(row.topLeft()).center());
        QCOMPARE(opened.size(), 1);
        auto *viewer = qobject_cast<ImageViewer *>(opened.at(0).at(0).value<QDialog *>());
        QVERIFY(viewer);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->hasImage(), 10000);
        QVERIFY(viewer->isFitted());
        viewer->setZoom(2.0);
        QCOMPARE(viewer->zoom(), 2.0);
        viewer->close();

        // Save… on the card writes the file, with progress along the way.
        const QString target = dir.filePath(u"saved-notes.txt"_qs);
        QSignalSpy saved(&media, &MediaLoader::downloadFinished);
        view.saveFile(0, 1, target);
        QVERIFY(saved.wait(10000));
        QCOMPARE(QFileInfo(target).size(), qint64(3000));

        // A missing or forbidden file says so where the picture would be.
        Message m = c.model->messageAt(0);
        m.id = {};
        m.clientMsgId = u"c-gone"_qs;
        m.attachments = { gone };
        m.state = SendState::Sending;
        c.model->addPending(m);
        view.viewport()->repaint();
        QTRY_COMPARE_WITH_TIMEOUT(media.status(gone.thumbnailUrl), MediaLoader::Status::Missing, 10000);
    }

    void pastedImageUploadsAndSendsWithTheMessage()
    {
        TestServer server;
        QVERIFY(server.start());
        QTemporaryDir dir;
        RestClient rest(server);
        const TestAccount alice = rest.registerUser(u"alice"_qs);
        const Wire::Id channelId
            = Wire::Id::fromString(rest.createChannel(alice, u"general"_qs, u"public"_qs, {}));
        ClientStack c(server.httpUrl(), alice.token, dir.filePath(u"alice.sqlite"_qs));
        c.session->start();
        QTRY_VERIFY_WITH_TIMEOUT(c.session->isSynced(), 20000);
        c.session->openChannel(c.model.get(), channelId);
        QTRY_VERIFY(!c.model->isLoading());
        UploadClient uploads(&c.nam, &c.api);

        Composer composer;
        AttachmentTray tray;
        tray.setUploadClient(&uploads);
        tray.setTempDir(dir.filePath(u"paste"_qs));
        connect(&composer, &Composer::filesAdded, &tray, &AttachmentTray::addFiles);
        connect(&composer, &Composer::imagePasted, &tray, &AttachmentTray::addImage);
        connect(&tray, &AttachmentTray::changed, &composer, [&] { composer.setAllowEmpty(tray.count() > 0); });
        composer.setSendGuard([&] { return tray.isUploading() ? u"wait"_qs : QString(); });
        QStringList sent;
        connect(&composer, &Composer::sendRequested, &composer, [&](const QString &text) {
            c.session->sendMessage(channelId, text, tray.attachments());
            tray.clear();
            sent.append(text);
        });
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));

        // An image on the clipboard, pasted with Ctrl+V: it becomes a file to send, not text.
        QImage img(300, 200, QImage::Format_RGB32);
        img.fill(QColor(10, 160, 90));
        QApplication::clipboard()->setImage(img);
        QTest::keyClick(&composer, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(tray.count(), 1);
        QVERIFY(composer.toPlainText().isEmpty());
        // A second file, cancelled from its ×, and a third whose upload finishes.
        QFile big(dir.filePath(u"big.bin"_qs));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(20 * 1024 * 1024));
        big.close();
        auto *mime = new QMimeData;
        mime->setUrls({ QUrl::fromLocalFile(big.fileName()) });
        QApplication::clipboard()->setMimeData(mime);
        QTest::keyClick(&composer, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(tray.count(), 2);
        const QList<QToolButton *> closers = tray.findChildren<QToolButton *>();
        QCOMPARE(closers.size(), 2);
        QCOMPARE(tray.findChildren<QProgressBar *>().size(), 2);
        closers.at(1)->click();
        QCOMPARE(tray.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!tray.isUploading(), 20000);
        QCOMPARE(tray.findChildren<QProgressBar *>().constFirst()->value(), 1000);

        // Enter with no text sends the pasted picture.
        QTest::keyClick(&composer, Qt::Key_Return);
        QCOMPARE(sent, QStringList { QString() });
        QCOMPARE(tray.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(c.session->outboxSize(), 0, 20000);
        QTRY_COMPARE(c.model->rowCount(), 1);
        const Message m = c.model->messageAt(0);
        QCOMPARE(m.attachments.size(), 1);
        QVERIFY(m.attachments.at(0).name.startsWith(u"pasted-image-"_qs));
        QCOMPARE(m.attachments.at(0).width, 300);
    }

    void spellingSuggestionsAndOwnWords()
    {
        QTemporaryDir dir;
        const QString personal = dir.filePath(u"dictionary.txt"_qs);
        auto checker = std::make_shared<SpellChecker>(u"en_US"_qs, personal);
        QVERIFY2(checker->isValid(), "hunspell-en-us is installed (scripts/setup)");
        QVERIFY(checker->isCorrect(u"receive"_qs));
        QVERIFY(!checker->isCorrect(u"recieve"_qs));
        QCOMPARE(checker->suggestions(u"recieve"_qs).value(0), u"receive"_qs);
        SpellChecker german(u"de_DE"_qs, personal);
        QVERIFY(german.isValid());
        QVERIFY(german.isCorrect(u"Straße"_qs));
        QVERIFY(german.suggestions(u"Fahrad"_qs).contains(u"Fahrrad"_qs));

        // In the composer: only the misspelled word gets the red wave; mentions and links are left alone.
        Composer composer;
        composer.setSpellChecker(checker);
        composer.resize(500, 120);
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        composer.setPlainText(u"I will recieve it from @bobb at https://exampel.com"_qs);
        QCOMPARE(composer.spellHighlighter()->misspelled(composer.toPlainText()), QStringList { u"recieve"_qs });
        const QList<QTextLayout::FormatRange> formats = composer.document()->firstBlock().layout()->formats();
        QCOMPARE(formats.size(), 1);
        QCOMPARE(formats.at(0).start, 7);
        QCOMPARE(formats.at(0).length, 7);
        QCOMPARE(formats.at(0).format.underlineStyle(), QTextCharFormat::SpellCheckUnderline);

        // The context menu's actions: suggestions first, then "Add … to the dictionary".
        QTextCursor at(composer.document());
        at.setPosition(9);
        const QPoint pos = composer.cursorRect(at).center();
        QList<QAction *> actions = composer.spellingActions(pos, &composer);
        QVERIFY(actions.size() >= 2);
        QCOMPARE(actions.first()->text(), u"receive"_qs);
        QCOMPARE(actions.last()->text(), u"Add “recieve” to the dictionary"_qs);
        actions.first()->trigger();
        QCOMPARE(composer.toPlainText(), u"I will receive it from @bobb at https://exampel.com"_qs);
        QVERIFY(composer.spellingActions(pos, &composer).isEmpty());

        // The same through a real context menu event (right click on the word).
        composer.setPlainText(u"Teh end"_qs);
        at.setPosition(1);
        const QPoint onWord = composer.cursorRect(at).center();
        QStringList menuTexts;
        QTimer::singleShot(200, &composer, [&] {
            if (QWidget *popup = QApplication::activePopupWidget()) {
                for (QAction *a : popup->actions())
                    menuTexts.append(a->text());
                popup->close();
            }
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, onWord, composer.viewport()->mapToGlobal(onWord));
        QApplication::sendEvent(composer.viewport(), &event);
        QVERIFY2(menuTexts.value(0) == checker->suggestions(u"Teh"_qs).value(0)
                && menuTexts.contains(u"Add “Teh” to the dictionary"_qs),
            qPrintable(menuTexts.join(u", "_qs)));

        // A word of one's own, kept for the next start.
        composer.setPlainText(u"Natterbot"_qs);
        actions = composer.spellingActions(composer.cursorRect(QTextCursor(composer.document())).center(), &composer);
        QVERIFY(!actions.isEmpty());
        actions.last()->trigger();
        QVERIFY(checker->isCorrect(u"Natterbot"_qs));
        QVERIFY(SpellChecker(u"en_US"_qs, personal).isCorrect(u"Natterbot"_qs));
        composer.setSpellChecker(nullptr);
        QVERIFY(!composer.spellHighlighter());
    }
};

QTEST_MAIN(TestFilesUi)
#include "tst_filesui.moc"
