#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QString>

#include <functional>

namespace Natter::Server {

// Login back-off and registration throttling (issue 15). Failed logins are counted under three keys, each
// with its own number of free failures before an exponential back-off starts (BASE, 2·BASE, 4·BASE … up to
// MAX, then forgotten after MAX without a failure):
//  - (account, address): guessing one account from one place; reset by a successful login from there.
//  - address: one place spraying many accounts.
//  - account: guessing one account from many places.
// The address and account keys count and apply only to pairs that have never signed in: an (account,
// address) that has signed in within 30 days is slowed by its own failures only, so an attacker who hammers a
// victim's account from elsewhere, or sprays accounts from the victim's NAT, cannot lock the victim out
// (docs/security.md explains the choice).
// A refused attempt is not counted and not hashed. Keys are the account name as typed (lower-cased: names
// are unique without regard to case) whether or not it exists, so throttling reveals nothing about accounts.
// Registration is a token bucket per address. Memory is bounded: at most MaxEntries keys per table.
class LoginThrottle
{
public:
    struct Config
    {
        qint64 baseMs = 1000; // 0 turns login throttling off
        qint64 maxMs = 15 * 60 * 1000;
        int pairFree = 5;
        int addressFree = 20;
        int accountFree = 50;
        int registrations = 10; // per address per registerWindowSeconds; 0 turns it off
        int registerWindowSeconds = 3600;
    };
    static constexpr qsizetype MaxEntries = 100000;

    explicit LoginThrottle(Config config);

    // The clock every caller passes as NOWMS: monotonic milliseconds, one origin for the whole process, so
    // that what the cluster bus counts and what AuthService counts are on the same time line.
    static qint64 clockMs();

    // The key of a client address: IPv4 whole, IPv6 by its /64 (one customer's allocation).
    static QByteArray addressKey(const QHostAddress &address);

    // 0 when a login of ACCOUNT from ADDRESS may be checked now, else the milliseconds to wait. A permitted
    // attempt must be followed by exactly one finished().
    qint64 admitLogin(const QString &account, const QByteArray &address, qint64 nowMs);
    void finished(const QString &account, const QByteArray &address, bool success, qint64 nowMs);
    // A login that was admitted and then not checked at all (the hash queue was full): not a failure.
    void abandoned(const QString &account, const QByteArray &address);

    // Across server instances (cluster/): SHARED hears of every login checked here, and heardElsewhere()
    // counts one checked by another instance, so that spreading guesses over the instances gains nothing.
    using Shared = std::function<void(const QString &account, const QByteArray &address, bool success)>;
    void setShared(Shared shared) { m_shared = std::move(shared); }
    void heardElsewhere(const QString &account, const QByteArray &address, bool success, qint64 nowMs);

    // 0 when ADDRESS may register an account now (and counts it), else the milliseconds to wait.
    qint64 admitRegistration(const QByteArray &address, qint64 nowMs);
    // A registration refused after admitRegistration() for a reason of its own (name taken) gives its token
    // back.
    void refundRegistration(const QByteArray &address);
    // An admitted registration that made an account: told to the other instances (SHAREDREGISTRATION), whose
    // registeredElsewhere() takes the token from their bucket for ADDRESS too, so that the limit holds for
    // the cluster, not per instance. A bucket may go into debt, up to one window's worth.
    using SharedRegistration = std::function<void(const QByteArray &address)>;
    void setSharedRegistration(SharedRegistration shared) { m_sharedRegistration = std::move(shared); }
    void registered(const QByteArray &address);
    void registeredElsewhere(const QByteArray &address, qint64 nowMs);

private:
    struct Entry
    {
        int failures = 0;
        int inFlight = 0; // attempts admitted and not finished
        qint64 lastFailureMs = 0;
        qint64 blockedUntilMs = 0;
    };
    using Table = QHash<QByteArray, Entry>;
    qint64 wait(const Table &table, const QByteArray &key, int free, qint64 nowMs) const;
    void fail(Table &table, const QByteArray &key, int free, qint64 nowMs);
    void release(Table &table, const QByteArray &key);
    void prune(qint64 nowMs);
    // Counts a checked login (failures back off; a success clears its account and address pair).
    void record(const QString &account, const QByteArray &address, bool success, qint64 nowMs);
    bool knows(const QByteArray &pair, qint64 nowMs) const;
    static QByteArray pairKey(const QString &account, const QByteArray &address);

    // The bucket of ADDRESS, refilled up to NOWMS.
    double &registrationTokens(const QByteArray &address, qint64 nowMs);
    double registrationsPerMs() const;

    Config m_config;
    Shared m_shared;
    SharedRegistration m_sharedRegistration;
    Table m_pairs;
    Table m_addresses;
    Table m_accounts;
    QHash<QByteArray, qint64> m_known; // (account, address) → last successful login
    struct Bucket
    {
        double tokens;
        qint64 updatedMs;
    };
    QHash<QByteArray, Bucket> m_registrations;
    qint64 m_prunedAt = 0;
};

} // namespace Natter::Server
