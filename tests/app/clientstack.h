#pragma once

#include "apiclient.h"
#include "cache.h"
#include "gateway.h"
#include "messagelistmodel.h"
#include "session.h"

#include <QNetworkAccessManager>

#include <memory>

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
    Gateway gateway;
    Cache cache;
    std::unique_ptr<Session> session;
    std::unique_ptr<MessageListModel> model;
};
