#pragma once

#include <QObject>

class QToolButton;

namespace Natter::Client {

class AttachmentTray;
class Composer;

// Files for one composer, the channel's or a thread's: the tray of uploads above it, the 📎 button beside it,
// files dropped or pasted into it, and the composer's send guard (no send while a file is still uploading;
// a message of files only may have no text). Refusals (too large, unreadable, still uploading) go to
// notice().
class ComposerAttachments : public QObject
{
    Q_OBJECT
public:
    // The tray and the button are new widgets for the caller's layout (owned by it once placed).
    explicit ComposerAttachments(Composer *composer, QObject *parent = nullptr);

    AttachmentTray *tray() const { return m_tray; }
    QToolButton *attachButton() const { return m_button; }
    // Asks for files to attach (the button; the channel's Ctrl+Shift+U).
    void chooseFiles();

signals:
    void notice(const QString &text);

private:
    Composer *m_composer;
    AttachmentTray *m_tray;
    QToolButton *m_button;
};

} // namespace Natter::Client
