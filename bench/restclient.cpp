#include "restclient.h"

#include <common/protocol/protocol.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkReply>

#include <functional>

Q_LOGGING_CATEGORY(lcBenchRest, "natter.bench.rest")

using namespace Natter;

RestClient::RestClient(const QUrl &base, QObject *parent)
    : QObject(parent)
    , m_base(base)
{
}

QList<RestClient::Response> RestClient::postAll(const QList<Job> &jobs, int parallel)
{
    QList<Response> responses(jobs.size());
    qsizetype next = 0;
    int inFlight = 0;
    qsizetype done = 0;
    QEventLoop loop;
    std::function<void()> launch = [&] {
        while (inFlight < parallel && next < jobs.size()) {
            const qsizetype index = next++;
            const Job &job = jobs.at(index);
            QUrl url = m_base;
            url.setPath(job.path);
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
            if (!job.token.isEmpty()) request.setRawHeader("Authorization", "Bearer " + job.token);
            QNetworkReply *reply
                = m_manager.post(request, QJsonDocument(job.body).toJson(QJsonDocument::Compact));
            ++inFlight;
            connect(reply, &QNetworkReply::finished, &loop, [&, reply, index] {
                responses[index].status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                responses[index].body = QJsonDocument::fromJson(reply->readAll()).object();
                reply->deleteLater();
                --inFlight;
                ++done;
                if (done == jobs.size())
                    loop.quit();
                else
                    launch();
            });
        }
    };
    if (jobs.isEmpty()) return responses;
    launch();
    loop.exec();
    return responses;
}

RestClient::Response RestClient::get(const QString &pathAndQuery, const QByteArray &token, qint64 *elapsedNs)
{
    QUrl url = m_base;
    const qsizetype question = pathAndQuery.indexOf(u'?');
    url.setPath(pathAndQuery.left(question));
    if (question >= 0) url.setQuery(pathAndQuery.mid(question + 1));
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Authorization", "Bearer " + token);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_manager.get(request);
    QEventLoop loop;
    connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = QJsonDocument::fromJson(reply->readAll()).object();
    if (elapsedNs) *elapsedNs = clock.nsecsElapsed();
    reply->deleteLater();
    return response;
}

QList<RestClient::User> RestClient::registerUsers(const QString &prefix, int count, int parallel)
{
    QList<Job> jobs;
    jobs.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString name = prefix + QString::number(i);
        Wire::Credentials credentials { name, QStringLiteral("bench-password-1"), name };
        jobs.append({ Wire::Rest::registerPath(), Wire::toJsonObject(credentials), {} });
    }
    QList<User> users;
    int refused = 0;
    for (const Response &response : postAll(jobs, parallel)) {
        const auto session = Wire::decode<Wire::AuthSession>(response.body);
        if (response.status == 201 && session) {
            users.append({ session->user.id.toString(), session->token.toLatin1() });
        } else if (refused++ < 3) {
            qCWarning(lcBenchRest) << "register refused:" << response.status
                                   << QJsonDocument(response.body).toJson(QJsonDocument::Compact);
        }
    }
    return users;
}

QString RestClient::createChannel(
    const User &owner, const QString &name, const QList<User> &members, int parallel)
{
    Wire::CreateChannel channel;
    channel.name = name;
    // Optional in the protocol; sent because some server builds stored a missing topic as NULL.
    channel.topic = QStringLiteral("bench");
    for (const User &member : members) {
        if (member.id != owner.id) channel.memberIds.append(Wire::Id::fromString(member.id));
    }
    const Job create { Wire::Rest::channelsPath(), Wire::toJsonObject(channel), owner.token };
    const Response created = postAll({ create }, 1).value(0);
    const auto stored = Wire::decode<Wire::Channel>(created.body);
    const QString id = stored ? stored->id.toString() : QString();
    if (created.status != 201 || id.isEmpty()) {
        qCWarning(lcBenchRest) << "create channel refused:" << created.status
                               << QJsonDocument(created.body).toJson(QJsonDocument::Compact);
        return {};
    }
    if (stored->memberCount >= int(channel.memberIds.size()) + 1) return id;
    // The server took the channel but not the member list: members join one by one.
    QList<Job> joins;
    for (const User &member : members) {
        if (member.id != owner.id)
            joins.append(
                { Wire::Rest::channelJoinPath(stored->id), {}, member.token });
    }
    for (const Response &response : postAll(joins, parallel)) {
        if (response.status != 200) {
            qCWarning(lcBenchRest) << "join refused:" << response.status;
            return {};
        }
    }
    return id;
}
