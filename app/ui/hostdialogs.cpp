#include "hostdialogs.h"

#include <QMessageBox>
#include <QPushButton>

namespace Natter::Client::HostDialogs {

LocalServer::Reach askReach(QWidget *parent)
{
    QMessageBox box(parent);
    box.setObjectName(u"askReach"_qs);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(QObject::tr("Host a server on this computer"));
    box.setText(QObject::tr("Who may join the server on this computer?"));
    box.setInformativeText(QObject::tr("Teammates on your network connect to this computer's address. "
                                       "Choose \"Only this computer\" to try Natter on your own."));
    QPushButton *network = box.addButton(QObject::tr("Teammates on the network"), QMessageBox::AcceptRole);
    network->setObjectName(u"network"_qs);
    QPushButton *local = box.addButton(QObject::tr("Only this computer"), QMessageBox::AcceptRole);
    local->setObjectName(u"thisComputer"_qs);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(network);
    box.exec();
    if (box.clickedButton() == network)
        return LocalServer::Reach::Network;
    if (box.clickedButton() == local)
        return LocalServer::Reach::ThisComputer;
    return LocalServer::Reach::Unset;
}

bool askKeepServing(QWidget *parent, int teammatesOnline)
{
    QMessageBox box(parent);
    box.setObjectName(u"askKeepServing"_qs);
    box.setIcon(QMessageBox::Question);
    box.setWindowTitle(QObject::tr("Keep serving your team?"));
    box.setText(QObject::tr("This computer hosts your team's Natter server."));
    box.setInformativeText(teammatesOnline > 0
            ? QObject::tr("%n teammate(s) are connected. Keep the server running after Natter closes, so they "
                          "can go on chatting?", nullptr, teammatesOnline)
            : QObject::tr("Keep the server running after Natter closes, so your team can go on chatting? "
                          "Natter finds it again when you next open it."));
    QPushButton *keep = box.addButton(QObject::tr("Keep serving"), QMessageBox::AcceptRole);
    keep->setObjectName(u"keep"_qs);
    QPushButton *stop = box.addButton(QObject::tr("Stop the server"), QMessageBox::DestructiveRole);
    stop->setObjectName(u"stop"_qs);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() != stop;
}

} // namespace Natter::Client::HostDialogs
