#pragma once

#include <QListView>
#include <QPersistentModelIndex>
#include <QPointer>

class QIdentityProxyModel;
class QLabel;
class QPushButton;

namespace Natter::Client {

class MessageDelegate;
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

public slots:
    void jumpToBottom();

signals:
    void retryRequested(const QString &clientMsgId);

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void captureAnchor(int removedFirst = -1, int removedLast = -1);
    void restoreAnchor();
    void onRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void maybeFetch();
    void placeJumpButton();
    void alignToBottom();

    QPointer<MessageListModel> m_model;
    QIdentityProxyModel *m_proxy;
    MessageDelegate *m_delegate;
    QPushButton *m_jumpButton;
    QLabel *m_loadingLabel;
    QPersistentModelIndex m_anchor;
    int m_anchorTop = 0;
    bool m_wasAtBottom = true;
    int m_topGap = 0;
};

} // namespace Natter::Client
