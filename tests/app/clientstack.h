#pragma once

#include "models/messagelistmodel.h"
#include "net/apiclient.h"
#include "net/gatewayclient.h"
#include "session/session.h"
#include "store/cache.h"

#include <QNetworkAccessManager>

#include <memory>

using namespace Natter::Client;

// The whole client core of one user, wired the way MainWindow wires it, minus the widgets.
struct ClientStack
{
    ClientStack(const QUrl &server, const QString &token, const QString &cachePath)
    {
        api.setBaseUrl(server);
        api.setToken(token);
        cache.open(cachePath);
        session = std::make_unique<Session>(&api, &gateway, &cache);
        model = std::make_unique<MessageListModel>(session.get());
        session->attach(model.get());
    }
    ~ClientStack()
    {
        model.reset();
        session.reset();
    }

    QStringList texts() const
    {
        QStringList out;
        for (int i = 0; i < model->rowCount(); ++i)
            out.append(model->messageAt(i).text);
        return out;
    }

    QNetworkAccessManager nam;
    ApiClient api { &nam };
    Natter::Client::GatewayClient gateway;
    Cache cache;
    std::unique_ptr<Session> session;
    std::unique_ptr<MessageListModel> model;
};
