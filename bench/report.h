#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// A scenario's output: an aligned table for people, then one JSON line for tools (docs/benchmarks.md is
// written from those lines).
class Report
{
public:
    Report(const QString &scenario, const QJsonObject &parameters);

    void setColumns(const QStringList &columns);
    // One table row; `values` must follow the columns, and is stored as one object in the JSON "rows".
    void addRow(const QJsonObject &values);
    void setSummary(const QJsonObject &summary) { m_summary = summary; }

    void print() const;

    static QString format(const QJsonValue &value);

private:
    QString m_scenario;
    QJsonObject m_parameters;
    QJsonObject m_summary;
    QStringList m_columns;
    QJsonArray m_rows;
};
