#include "logging.h"

namespace Natter::Client {

Q_LOGGING_CATEGORY(lcApi, "natter.client.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClientGateway, "natter.client.gateway", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCache, "natter.client.cache", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "natter.client.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModel, "natter.client.model", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLocalServer, "natter.client.localserver", QtWarningMsg)

} // namespace Natter::Client
