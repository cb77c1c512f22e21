#pragma once

#include "data/message.h"

#include <QWidget>

#include <memory>

class QLabel;

namespace Natter::Client {

class AttachmentTray;
class Composer;
class ComposerAttachments;
class MessageActionController;
class MessagePageSource;
class MessageView;
class Session;
class ThreadModel;

// The side panel of one thread: the root and its replies in their own virtualised list (paged from
// GET /messages/{id}/replies, live through the session) and a composer that sends replies with parentId.
class ThreadPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ThreadPanel(Session *session, QWidget *parent = nullptr);
    ~ThreadPanel() override;

    // Shows the thread under ROOT (a top-level message).
    void open(const Message &root);
    Wire::Id rootId() const;
    ThreadModel *model() const { return m_model.get(); }
    MessageView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }
    // The files of the reply being written (the same machinery as the channel's composer).
    AttachmentTray *attachmentTray() const;
    ComposerAttachments *files() const { return m_files; }
    MessageActionController *controller() const { return m_controller; }

signals:
    void closeRequested();

private:
    void send(const QString &text);

    Session *m_session;
    std::unique_ptr<MessagePageSource> m_source;
    std::unique_ptr<ThreadModel> m_model;
    QLabel *m_title;
    MessageView *m_view;
    Composer *m_composer;
    ComposerAttachments *m_files;
    MessageActionController *m_controller;
};

} // namespace Natter::Client
