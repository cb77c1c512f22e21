#pragma once

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

// Blocking REST helper for set-up (register users, create channels). Set-up is not measured, so a local event
// loop per batch keeps the scenario code straight-line.
class RestClient : public QObject
{
    Q_OBJECT
public:
    struct User
    {
        QString id;
        QByteArray token;
    };
    struct Job
    {
        QString path;
        QJsonObject body;
        QByteArray token;
    };
    struct Response
    {
        int status = 0;
        QJsonObject body;
    };

    explicit RestClient(const QUrl &base, QObject *parent = nullptr);

    // Runs every POST with at most `parallel` in flight; answers are in the order of `jobs`.
    QList<Response> postAll(const QList<Job> &jobs, int parallel);

    // One blocking GET; `elapsedNs` gets the time from request to the whole body.
    Response get(const QString &pathAndQuery, const QByteArray &token, qint64 *elapsedNs = nullptr);

    // Registers `count` users named <prefix><n>; returns fewer when the server refuses some (logged).
    QList<User> registerUsers(const QString &prefix, int count, int parallel);
    // Creates a public group channel owned by `owner` with `members` in it; falls back to /join per member
    // when the server ignores memberIds. Returns the channel id, or an empty string on failure.
    QString createChannel(const User &owner, const QString &name, const QList<User> &members, int parallel);

private:
    QNetworkAccessManager m_manager;
    QUrl m_base;
};
