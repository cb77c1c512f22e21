#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace Natter::Server {

class Database;

// A Snowflake node id leased in the shared database (PostgreSQL's node_leases), so that no two running
// instances ever mint ids with the same node bits. The lease lasts LeaseMs past its last renewal (every
// RenewMs); times are the database's clock, so instances' clocks do not matter. A lease that lapsed (its
// instance died or lost the database for longer than that) is free to take.
class NodeLease : public QObject
{
    Q_OBJECT
public:
    static constexpr int LeaseMs = 30000;
    static constexpr int RenewMs = 10000;

    explicit NodeLease(Database &db, QObject *parent = nullptr);
    ~NodeLease() override;

    // Takes REQUESTED (-1: the lowest free id) and starts renewing it. False with *ERROR when REQUESTED is
    // held by another live instance, or when no id is free.
    bool acquire(int requested, QString *error);
    // Gives the id back (at a clean stop), so that a restart with the same id need not wait for expiry.
    void release();
    int nodeId() const { return m_nodeId; }

signals:
    // The lease could not be renewed and another instance has taken the id since: this one must stop minting.
    void lost();

private:
    bool take(int nodeId);
    void renew();

    Database &m_db;
    QString m_holder;
    int m_nodeId = -1;
    QTimer m_timer;
};

} // namespace Natter::Server
