#include "logging.h"

namespace Natter::Server {

Q_LOGGING_CATEGORY(lcServer, "natter.server")
Q_LOGGING_CATEGORY(lcStore, "natter.store")
Q_LOGGING_CATEGORY(lcAuth, "natter.auth")
Q_LOGGING_CATEGORY(lcHttp, "natter.http")
Q_LOGGING_CATEGORY(lcGateway, "natter.gateway")
Q_LOGGING_CATEGORY(lcMessages, "natter.messages")
Q_LOGGING_CATEGORY(lcFiles, "natter.files")
Q_LOGGING_CATEGORY(lcPreview, "natter.preview")
Q_LOGGING_CATEGORY(lcCluster, "natter.cluster")

} // namespace Natter::Server
