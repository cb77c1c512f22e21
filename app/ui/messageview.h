#pragma once

#include "data/message.h"
#include "media/medialoader.h"
#include "messageactionmenu.h"
#include "messagetextselector.h"

#include <QHash>
#include <QListView>
#include <QTimer>

#include <functional>
#include <QPersistentModelIndex>
#include <QPointer>

class QDialog;
class QIdentityProxyModel;
class QLabel;
class QPushButton;

namespace Natter::Client {

class InlineEditor;
class MessageDelegate;
class MessageHoverBar;
class MessageListModel;


// The message list. Keeps the reader's place across prepended pages, trims and resizes by an anchor (the
// message at the top of the viewport and its pixel offset), loads older pages near the top, sticks to the
// bottom only when the reader is there, and otherwise offers a "new messages" button.
class MessageView : public QListView
{
    Q_OBJECT
public:
    explicit MessageView(QWidget *parent = nullptr);

    void setMessageModel(MessageListModel *model);
    MessageListModel *messageModel() const { return m_model; }
    MessageDelegate *messageDelegate() const { return m_delegate; }
    bool isAtBottom() const;
    bool isJumpButtonVisible() const;
    // The row under the top edge of the viewport, or -1.
    int firstVisibleRow() const;

    // The message of ROW (of the message model), or an empty one.
    Message messageAt(int row) const;
    // The selected (keyboard) message row, or -1.
    int currentRow() const;

    // Inline editing (messageviewactions.cpp): the row's body becomes an editor until finishEdit/cancelEdit.
    void startEdit(int row);
    void cancelEdit();
    // Ends editing after a successful save.
    void finishEdit();
    // Shows a refusal under the editor and lets the user go on editing.
    void editFailed(const QString &error);
    InlineEditor *editor() const { return m_editor; }
    bool isEditing() const { return m_editing.isValid(); }
    // Edits the newest message of AUTHORID (Up in an empty composer); false when there is none.
    bool editLastOwn(const QString &authorId);
    // A short note over the bottom of the list (an action refused, offline), gone after a few seconds.
    void showNotice(const QString &text);
    QString noticeText() const;
    MessageHoverBar *hoverBar() const { return m_hoverBar; }
    // Who a user id is, for reaction tooltips.
    void setNameResolver(std::function<QString(const QString &userId)> nameOf) { m_nameOf = std::move(nameOf); }
    // Who reacted with an emoji on a message, as names ("You" first when the reader did), for the chips' tooltips.
    void setReactorNames(std::function<QStringList(const Message &message, const QString &emoji)> names)
    {
        m_reactorNames = std::move(names);
    }
    // The tooltip of the reaction EMOJI under the message of ROW.
    QString reactionTooltip(int row, const QString &emoji) const;
    // Whether the hover toolbar and context menu offer editing (own messages) and threads.
    void setPermissions(std::function<MessageActionMenu::Permissions(const Message &)> permissions)
    {
        m_permissions = std::move(permissions);
    }
    MessageActionMenu::Permissions permissionsFor(const Message &message) const;
    // Opens the context menu of ROW at GLOBALPOS (also from the keyboard: Menu key, Shift+F10).
    void openContextMenu(int row, const QPoint &globalPos);

    // Files (messageviewfiles.cpp): thumbnails and downloads come from MEDIA (not owned; null: cards only).
    // A click on an image opens the viewer, Save… asks where (starting in the download folder) and Open
    // saves to a temporary folder and hands the file to the desktop.
    void setMediaLoader(MediaLoader *media);
    void setDownloadDir(const QString &dir) { m_downloadDir = dir; }
    QString downloadDir() const { return m_downloadDir; }
    // What a click on attachment ATTACHMENT of ROW does (tests call these directly).
    void openImage(int row, int attachment);
    void saveFile(int row, int attachment, const QString &target = {});
    void openFile(int row, int attachment);

public slots:
    void jumpToBottom();

public:
    // Selecting part of a message (messageviewselection.cpp): a press in a row's text opens a selector over it
    // (a drag then selects), a double click selects a word. Null while none is open.
    MessageTextSelector *textSelector() const { return m_selector; }
    // Opens the selector over INDEX's body when POS (viewport coordinates) is in its text and not on a link.
    bool openTextSelector(const QModelIndex &index, const QPoint &pos);
    void closeTextSelector();

signals:
    void retryRequested(const QString &clientMsgId);
    // ANCHOR is where a popup for the action (the emoji picker) should appear, in global coordinates.
    void actionRequested(Natter::Client::MessageAction action, const Natter::Client::Message &message, QPoint anchor);
    void reactionToggled(const Natter::Client::Message &message, const QString &emoji);
    void editSubmitted(const Natter::Client::Message &message, const QString &text);
    void linkActivated(const QUrl &url);
    // An image viewer was opened (tests and screenshots look at it).
    void imageViewerOpened(QDialog *viewer);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void updateGeometries() override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    void captureAnchor(int removedFirst = -1, int removedLast = -1);
    void restoreAnchor();
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void maybeFetch();
    void placeJumpButton();
    void alignToBottom();
    void setHovered(const QModelIndex &index);
    void placeOverlays();
    bool handleClick(const QModelIndex &index, const QPoint &pos);
    int sourceRow(const QModelIndex &index) const;

    QPointer<MessageListModel> m_model;
    QIdentityProxyModel *m_proxy;
    MessageDelegate *m_delegate;
    QPushButton *m_jumpButton;
    QLabel *m_loadingLabel;
    QPersistentModelIndex m_anchor;
    int m_anchorTop = 0;
    bool m_wasAtBottom = true;
    int m_topGap = 0;
    MessageHoverBar *m_hoverBar;
    QPersistentModelIndex m_hovered;
    InlineEditor *m_editor = nullptr;
    QPointer<MessageTextSelector> m_selector;
    bool m_selecting = false; // a press opened the selector and the button is still down: moves go to it
    void forwardToSelector(QMouseEvent *event);
    void placeTextSelector();
    QPersistentModelIndex m_editing;
    QLabel *m_notice;
    QTimer m_noticeTimer;
    std::function<QString(const QString &)> m_nameOf;
    std::function<QStringList(const Message &message, const QString &emoji)> m_reactorNames;
    QPointer<MediaLoader> m_media;
    QString m_downloadDir;
    QHash<QString, QString> m_openAfterDownload; // url -> file to open once saved
    std::function<MessageActionMenu::Permissions(const Message &)> m_permissions;
};

} // namespace Natter::Client
