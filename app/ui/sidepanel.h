#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace Natter::Client {

// The panel on the right of the chat: one of members, search or pins at a time, with a title and a close
// button. Hidden until one is asked for; Esc closes it.
class SidePanel : public QWidget
{
    Q_OBJECT
public:
    explicit SidePanel(QWidget *parent = nullptr);

    // Adds PAGE under TITLE; show(page) brings it up.
    void addPage(QWidget *page, const QString &title);
    void showPage(QWidget *page);
    QWidget *currentPage() const;
    bool isShowing(QWidget *page) const { return isVisible() && currentPage() == page; }

signals:
    void pageChanged(QWidget *page);
    void closed();

public slots:
    void close();

private:
    QLabel *m_title;
    QStackedWidget *m_stack;
};

} // namespace Natter::Client
