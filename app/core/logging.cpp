#include "logging.h"

namespace Natter::Client {

Q_LOGGING_CATEGORY(lcApi, "natter.client.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClientGateway, "natter.client.gateway", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCache, "natter.client.cache", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "natter.client.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModel, "natter.client.model", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLocalServer, "natter.client.localserver", QtWarningMsg)
Q_LOGGING_CATEGORY(lcActions, "natter.client.actions", QtWarningMsg)
Q_LOGGING_CATEGORY(lcThread, "natter.client.thread", QtWarningMsg)
Q_LOGGING_CATEGORY(lcEmoji, "natter.client.emoji", QtWarningMsg)

} // namespace Natter::Client
