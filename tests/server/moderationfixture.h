#pragma once

#include "testclient.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

inline QByteArray body(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// What the moderation suites (tst_moderation, tst_moderationlive) share: one server for the whole suite,
// whose first account is its administrator, and fresh names so that tests on it do not meet each other's
// users.
class ModerationFixture
{
protected:
    TestServer m_server { { u"--rate-limit"_qs, u"0"_qs } };
    TestAccount m_root; // the first account: the server administrator
    int m_serial = 0;

    QString fresh(const QString &prefix) { return u"%1%2"_qs.arg(prefix).arg(++m_serial); }

    HttpResult patch(RestClient &rest, const QString &path, const QJsonObject &o, const QString &token)
    {
        return rest.request("PATCH", path, body(o), token);
    }

    // registerPair() uses fixed names; this server is shared by every test.
    TestPair pairOf(RestClient &rest, const QString &visibility)
    {
        TestPair p;
        p.ana = rest.registerUser(fresh(u"ana"_qs));
        p.ben = rest.registerUser(fresh(u"ben"_qs));
        p.channel = rest.createChannel(p.ana, fresh(u"ch"_qs), visibility, { p.ben.id });
        return p;
    }

    QList<QJsonObject> audit(RestClient &rest)
    {
        const auto r = rest.get(u"/api/v1/admin/audit?limit=1000"_qs, m_root.token);
        QList<QJsonObject> out;
        for (const auto &e : r.json.value(u"entries").toArray())
            out.append(e.toObject());
        return out;
    }
};
