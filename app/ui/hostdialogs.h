#pragma once

#include "host/localserver.h"

class QWidget;

namespace Natter::Client {

// The two questions of host mode, as modal dialogs.
namespace HostDialogs {
// Asked once per profile, before the first start: may teammates on the network join, or only this computer?
// Unset when the user cancelled.
LocalServer::Reach askReach(QWidget *parent);
// On quit while hosting: keep serving the team (the server keeps running and the next launch adopts it) or
// stop it. True to keep serving.
bool askKeepServing(QWidget *parent, int teammatesOnline = -1);
} // namespace HostDialogs

} // namespace Natter::Client
