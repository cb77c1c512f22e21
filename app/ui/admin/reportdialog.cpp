#include "admin/reportdialog.h"
#include "chatpalette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Natter::Client {

ReportDialog::ReportDialog(const QString &author, const QString &excerpt, QWidget *parent)
    : QDialog(parent)
    , m_kind(new QComboBox)
    , m_details(new QPlainTextEdit)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Report message"));
    setObjectName(u"reportDialog"_qs);
    auto *intro = new QLabel(tr("Tell the server's administrators why this message by %1 breaks the rules. "
                                "They decide what happens, and you are told the outcome.")
                                 .arg(author));
    intro->setWordWrap(true);
    auto *quote = new QLabel(QFontMetrics(font()).elidedText(excerpt.simplified(), Qt::ElideRight, 420));
    setThemedStyleSheet(quote, u"color: @muted; padding: 6px 10px; background: @chip; border-radius: 6px;"_qs);
    m_kind->setObjectName(u"reportKind"_qs);
    m_kind->setAccessibleName(tr("Kind of problem"));
    m_kind->addItems({ tr("Spam or advertising"), tr("Harassment or insults"), tr("Inappropriate content"),
        tr("Other") });
    m_details->setObjectName(u"reportDetails"_qs);
    m_details->setAccessibleName(tr("Details"));
    m_details->setPlaceholderText(tr("Details (optional, required for “Other”)"));
    m_details->setFixedHeight(90);
    auto *report = m_buttons->addButton(tr("Report"), QDialogButtonBox::AcceptRole);
    report->setObjectName(u"reportSubmit"_qs);
    auto *form = new QFormLayout;
    form->addRow(tr("Problem:"), m_kind);
    form->addRow(tr("Details:"), m_details);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(quote);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportDialog::updateButton);
    connect(m_details, &QPlainTextEdit::textChanged, this, &ReportDialog::updateButton);
    resize(460, sizeHint().height());
}

QString ReportDialog::reason() const
{
    const QString details = m_details->toPlainText().trimmed();
    if (m_kind->currentIndex() == m_kind->count() - 1) return details;
    return details.isEmpty() ? m_kind->currentText() : m_kind->currentText() + u": "_qs + details;
}

void ReportDialog::updateButton()
{
    for (QAbstractButton *b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole) b->setEnabled(!reason().isEmpty());
}

} // namespace Natter::Client
