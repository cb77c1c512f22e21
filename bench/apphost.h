#pragma once

// The whole desktop app in the bench's process, as main() builds it (Account, MainWindow, shown), on a fresh
// profile in a temporary directory whose cache the scenario fills first ("a warm profile cache"), against a
// FakeChatServer. Shared by app-window and app-images.
#include <data/channel.h>
#include <data/message.h>
#include <store/profile.h>
#include <store/tokenstore.h>

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTemporaryDir>

#include <functional>
#include <memory>

class QWidget;

namespace Natter::Client {
class Account;
class Cache;
class MainWindow;
}

class AppHost
{
public:
    static constexpr int Width = 1200;
    static constexpr int Height = 800;

    explicit AppHost(const QUrl &server);
    ~AppHost();

    const Natter::Client::Profile &profile() const { return *m_profile; }
    QNetworkAccessManager *nam() { return &m_nam; }
    // Writes what a previous run of the app would have left: the last server and user, the token, and the cache
    // as FILL leaves it (channels, messages).
    void prepare(const std::function<void(Natter::Client::Cache &)> &fill);
    // Builds the account and the window, shows it and resumes the session, as main() does.
    void launch();
    Natter::Client::MainWindow *window() const { return m_window.get(); }
    Natter::Client::Account *account() const { return m_account.get(); }

    // Runs the event loop until DONE or TIMEOUTMS; false on timeout.
    static bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000);
    static qint64 rssKb();
    static qint64 peakRssKb();
    // A field of /proc/self/status in kB: RssAnon (heap, stacks), RssFile (mapped files: libraries, fonts).
    static qint64 statusKb(const char *field);

    static inline const QString Username = QStringLiteral("user0");

private:
    QTemporaryDir m_dir;
    QUrl m_server;
    std::unique_ptr<Natter::Client::Profile> m_profile;
    Natter::Client::MemoryTokenStore m_tokens;
    QNetworkAccessManager m_nam;
    std::unique_ptr<Natter::Client::Account> m_account;
    std::unique_ptr<Natter::Client::MainWindow> m_window;
};

// Times paints of one widget (a view's viewport): installed as its event filter, it runs the paint itself so
// that the time of the paint's end is known, and reports each paint for which WANTED() holds with the time
// it ended and how long it took.
class PaintProbe : public QObject
{
public:
    using Callback = std::function<void(qint64 endNs, qint64 paintNs)>;
    PaintProbe(QWidget *widget, std::function<bool()> wanted, Callback callback);
    ~PaintProbe() override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    static qint64 nowNs();

private:
    QPointer<QWidget> m_widget;
    std::function<bool()> m_wanted;
    Callback m_callback;
    bool m_inside = false;
};
