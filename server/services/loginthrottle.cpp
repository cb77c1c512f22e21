#include "services/loginthrottle.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace Natter::Server {

qint64 LoginThrottle::clockMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

namespace {
    constexpr qint64 KnownForMs
        = 30LL * 24 * 3600 * 1000; // an address that signed in stays trusted this long
    constexpr qint64 PruneEveryMs = 60 * 1000;

    QByteArray accountKey(const QString &account)
    {
        return account.toCaseFolded().toUtf8();
    }
} // namespace

LoginThrottle::LoginThrottle(Config config)
    : m_config(config)
{
}

QByteArray LoginThrottle::pairKey(const QString &account, const QByteArray &address)
{
    return accountKey(account) + '\0' + address;
}

QByteArray LoginThrottle::addressKey(const QHostAddress &address)
{
    bool v4 = false;
    const quint32 ip4 = address.toIPv4Address(&v4); // also unwraps ::ffff:a.b.c.d
    if (v4)
        return QByteArray::number(ip4, 16);
    const Q_IPV6ADDR ip6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(ip6.c), 8).toHex() + "::/64";
}

qint64 LoginThrottle::wait(const Table &table, const QByteArray &key, int free, qint64 nowMs) const
{
    const auto it = table.constFind(key);
    if (it == table.constEnd())
        return 0;
    const Entry &e = *it;
    if (nowMs < e.blockedUntilMs)
        return e.blockedUntilMs - nowMs;
    const bool forgotten = e.inFlight == 0 && nowMs - e.lastFailureMs > m_config.maxMs;
    // Past the free failures, one attempt at a time: parallel guesses would otherwise all pass before the
    // first one failed.
    if (!forgotten && e.failures + e.inFlight >= free && e.inFlight > 0)
        return m_config.baseMs;
    return 0;
}

void LoginThrottle::fail(Table &table, const QByteArray &key, int free, qint64 nowMs)
{
    Entry &e = table[key];
    if (e.inFlight == 0 && e.failures > 0 && nowMs - e.lastFailureMs > m_config.maxMs)
        e = Entry {};
    ++e.failures;
    e.lastFailureMs = nowMs;
    if (e.failures >= free) {
        const int doublings = qMin(e.failures - free, 40);
        const double backoff = double(m_config.baseMs) * std::pow(2.0, doublings);
        e.blockedUntilMs = nowMs + qint64(qMin(backoff, double(m_config.maxMs)));
    }
}

void LoginThrottle::release(Table &table, const QByteArray &key)
{
    const auto it = table.find(key);
    if (it == table.end())
        return;
    it->inFlight = qMax(0, it->inFlight - 1);
    if (it->inFlight == 0 && it->failures == 0)
        table.erase(it);
}

bool LoginThrottle::knows(const QByteArray &pair, qint64 nowMs) const
{
    const auto it = m_known.constFind(pair);
    return it != m_known.constEnd() && nowMs - *it < KnownForMs;
}

qint64 LoginThrottle::admitLogin(const QString &account, const QByteArray &address, qint64 nowMs)
{
    if (m_config.baseMs <= 0)
        return 0;
    prune(nowMs);
    const QByteArray pair = pairKey(account, address);
    const QByteArray acc = accountKey(account);
    // A pair that has signed in before is slowed only by its own failures: neither a spray from its address
    // (a shared NAT or proxy) nor guesses at its account from elsewhere can keep it out.
    qint64 waitMs = wait(m_pairs, pair, m_config.pairFree, nowMs);
    if (!knows(pair, nowMs))
        waitMs = std::max({ waitMs, wait(m_addresses, address, m_config.addressFree, nowMs),
            wait(m_accounts, acc, m_config.accountFree, nowMs) });
    if (waitMs > 0)
        return waitMs;
    ++m_pairs[pair].inFlight;
    ++m_addresses[address].inFlight;
    ++m_accounts[acc].inFlight;
    return 0;
}

void LoginThrottle::finished(const QString &account, const QByteArray &address, bool success, qint64 nowMs)
{
    if (m_config.baseMs <= 0)
        return;
    release(m_pairs, pairKey(account, address));
    release(m_addresses, address);
    release(m_accounts, accountKey(account));
    record(account, address, success, nowMs);
    if (m_shared)
        m_shared(account, address, success);
}

void LoginThrottle::heardElsewhere(
    const QString &account, const QByteArray &address, bool success, qint64 nowMs)
{
    if (m_config.baseMs <= 0)
        return;
    prune(nowMs); // the tables stay bounded whoever fills them
    record(account, address, success, nowMs);
}

void LoginThrottle::record(const QString &account, const QByteArray &address, bool success, qint64 nowMs)
{
    const QByteArray pair = pairKey(account, address);
    const QByteArray acc = accountKey(account);
    if (success) {
        // Only this account from this address starts again: resetting the address's or the account's count
        // would let an attacker with one valid account clear the back-off of the guesses around it.
        // Attempts of the pair still being checked keep their place (admitLogin() lets one run at a time).
        if (const auto it = m_pairs.find(pair); it != m_pairs.end() && it->inFlight > 0)
            *it = Entry { 0, it->inFlight, 0, 0 };
        else
            m_pairs.remove(pair);
        m_known.insert(pair, nowMs);
        return;
    }
    fail(m_pairs, pair, m_config.pairFree, nowMs);
    if (!knows(pair, nowMs)) {
        fail(m_addresses, address, m_config.addressFree, nowMs);
        fail(m_accounts, acc, m_config.accountFree, nowMs);
    }
}

void LoginThrottle::abandoned(const QString &account, const QByteArray &address)
{
    if (m_config.baseMs <= 0)
        return;
    release(m_pairs, pairKey(account, address));
    release(m_addresses, address);
    release(m_accounts, accountKey(account));
}

double LoginThrottle::registrationsPerMs() const
{
    return double(m_config.registrations) / (double(m_config.registerWindowSeconds) * 1000.0);
}

double &LoginThrottle::registrationTokens(const QByteArray &address, qint64 nowMs)
{
    const double burst = m_config.registrations;
    auto it = m_registrations.find(address);
    if (it == m_registrations.end())
        it = m_registrations.insert(address, { burst, nowMs });
    it->tokens = qMin(burst, it->tokens + double(nowMs - it->updatedMs) * registrationsPerMs());
    it->updatedMs = nowMs;
    return it->tokens;
}

qint64 LoginThrottle::admitRegistration(const QByteArray &address, qint64 nowMs)
{
    if (m_config.registrations <= 0)
        return 0;
    prune(nowMs);
    double &tokens = registrationTokens(address, nowMs);
    if (tokens >= 1.0) {
        tokens -= 1.0;
        return 0;
    }
    return qMax<qint64>(1, qint64(std::ceil((1.0 - tokens) / registrationsPerMs())));
}

void LoginThrottle::refundRegistration(const QByteArray &address)
{
    const auto it = m_registrations.find(address);
    if (it != m_registrations.end())
        it->tokens = qMin(double(m_config.registrations), it->tokens + 1.0);
}

void LoginThrottle::registered(const QByteArray &address)
{
    if (m_config.registrations > 0 && m_sharedRegistration)
        m_sharedRegistration(address);
}

void LoginThrottle::registeredElsewhere(const QByteArray &address, qint64 nowMs)
{
    if (m_config.registrations <= 0)
        return;
    prune(nowMs);
    double &tokens = registrationTokens(address, nowMs);
    tokens = qMax(-double(m_config.registrations), tokens - 1.0);
}

void LoginThrottle::prune(qint64 nowMs)
{
    const auto oversized = [this] {
        return m_pairs.size() > MaxEntries || m_addresses.size() > MaxEntries
            || m_accounts.size() > MaxEntries || m_known.size() > MaxEntries
            || m_registrations.size() > MaxEntries;
    };
    if (nowMs - m_prunedAt < PruneEveryMs && !oversized())
        return;
    m_prunedAt = nowMs;
    const auto stale = [this, nowMs](const Entry &e) {
        return e.inFlight == 0 && nowMs >= e.blockedUntilMs && nowMs - e.lastFailureMs > m_config.maxMs;
    };
    for (Table *table : { &m_pairs, &m_addresses, &m_accounts })
        table->removeIf([&](const Table::iterator &it) { return stale(*it); });
    m_known.removeIf(
        [nowMs](const QHash<QByteArray, qint64>::iterator &it) { return nowMs - *it >= KnownForMs; });
    const double perMs = double(m_config.registrations) / (double(m_config.registerWindowSeconds) * 1000.0);
    m_registrations.removeIf([&](const QHash<QByteArray, Bucket>::iterator &it) {
        return it->tokens + double(nowMs - it->updatedMs) * perMs >= double(m_config.registrations);
    });
    // A flood from more addresses than that is still bounded: arbitrary idle entries go (their keys start
    // afresh), which costs the attacker's back-off, never a legitimate user's access.
    for (Table *table : { &m_pairs, &m_addresses, &m_accounts })
        for (auto it = table->begin(); table->size() > MaxEntries && it != table->end();)
            it = it->inFlight == 0 ? table->erase(it) : std::next(it);
    while (m_known.size() > MaxEntries)
        m_known.erase(m_known.begin());
    while (m_registrations.size() > MaxEntries)
        m_registrations.erase(m_registrations.begin());
}

} // namespace Natter::Server
