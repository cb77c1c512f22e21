#pragma once

#include "store/statement.h"

#include <QList>

#include <vector>

struct pg_result;

namespace Natter::Server {

class PgSession;

// Statement on libpq, on the connection Qt's QPSQL driver opened (so it shares its transactions): prepared
// once per session under a name of its own, parameters sent as text (bytea as binary), the whole result read
// at the first step(). queue() sends it in the session's pipeline; everything else first reads the answers
// the pipeline still owes (PgSession::settle()).
class PgStatement final : public Statement
{
public:
    explicit PgStatement(const char *sql);
    ~PgStatement() override;
    PgStatement(const PgStatement &) = delete;
    PgStatement &operator=(const PgStatement &) = delete;

    // Prepares the statement in SESSION (numbered session->session()): after a reconnect, the old session's
    // statements are gone and each is prepared again when next used.
    bool prepareIn(PgSession *session);
    int session() const { return m_session; }

    bool isValid() const override { return m_prepared; }
    PgStatement &bind(int index, qint64 value) override;
    PgStatement &bind(int index, const QString &text) override;
    PgStatement &bind(int index, const QByteArray &bytes) override;
    PgStatement &bindNull(int index) override;
    bool step() override;
    bool hasRow() const override { return m_row >= 0 && m_row < m_rows; }
    qint64 int64(int column) const override;
    QByteArray blob(int column) const override;
    bool isNull(int column) const override;
    bool run() override;
    bool queue() override;
    int changes() const override { return m_changes; }
    void reset() override;

    // The last error's message (empty when the last run succeeded).
    const QString &lastError() const { return m_error; }

private:
    struct Param
    {
        QByteArray value;
        bool null = true;
        bool binary = false;
    };
    Param *param(int index);
    bool execute();
    void clearResult();

    struct Values
    {
        std::vector<const char *> values;
        std::vector<int> lengths;
        std::vector<int> formats;
    };
    Values values() const;

    PgSession *m_pg = nullptr;
    int m_session = -1;
    int m_count = 0;
    QByteArray m_name;
    QByteArray m_sql;
    std::vector<Param> m_params;
    pg_result *m_result = nullptr;
    int m_rows = 0;
    int m_row = -1;
    int m_changes = 0;
    bool m_prepared = false;
    bool m_executed = false;
    bool m_failed = false;
    QString m_error;
};

} // namespace Natter::Server
