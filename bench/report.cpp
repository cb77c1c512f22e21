#include "report.h"

#include <QDateTime>
#include <QJsonDocument>

#include <cstdio>

Report::Report(const QString &scenario, const QJsonObject &parameters)
    : m_scenario(scenario)
    , m_parameters(parameters)
{
}

void Report::setColumns(const QStringList &columns)
{
    m_columns = columns;
}

void Report::addRow(const QJsonObject &values)
{
    m_rows.append(values);
    // Rows are printed as they come so a long run shows progress; print() repeats the whole table at the end.
    QStringList cells;
    for (const QString &column : m_columns)
        cells << column + u'=' + format(values.value(column));
    std::fprintf(stderr, "  %s\n", qPrintable(cells.join(QStringLiteral("  "))));
    std::fflush(stderr);
}

QString Report::format(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number == double(qint64(number))) return QString::number(qint64(number));
        return QString::number(number, 'f', number < 10 ? 2 : 1);
    }
    if (value.isBool()) return value.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (value.isUndefined() || value.isNull()) return QStringLiteral("-");
    return value.toString();
}

void Report::print() const
{
    QList<int> widths;
    for (const QString &column : m_columns)
        widths.append(int(column.size()));
    QList<QStringList> cells;
    for (const auto &row : m_rows) {
        QStringList line;
        for (int i = 0; i < m_columns.size(); ++i) {
            line << format(row.toObject().value(m_columns.at(i)));
            widths[i] = qMax(widths[i], int(line.last().size()));
        }
        cells.append(line);
    }
    auto printLine = [&](const QStringList &line) {
        QString text;
        for (int i = 0; i < line.size(); ++i)
            text += line.at(i).rightJustified(widths.at(i)) + QStringLiteral("  ");
        std::printf("%s\n", qPrintable(text.trimmed()));
    };
    std::printf("\n== %s ==\n", qPrintable(m_scenario));
    printLine(m_columns);
    for (const QStringList &line : cells)
        printLine(line);
    for (auto it = m_summary.begin(); it != m_summary.end(); ++it)
        std::printf("%s: %s\n", qPrintable(it.key()), qPrintable(format(it.value())));

    QJsonObject json { { QStringLiteral("scenario"), m_scenario },
        { QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("parameters"), m_parameters }, { QStringLiteral("rows"), m_rows },
        { QStringLiteral("summary"), m_summary } };
    std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}
