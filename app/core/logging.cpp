#include "logging.h"

Q_LOGGING_CATEGORY(lcApi, "natter.app.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcGateway, "natter.app.gateway", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCache, "natter.app.cache", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSession, "natter.app.session", QtWarningMsg)
Q_LOGGING_CATEGORY(lcModel, "natter.app.model", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLocalServer, "natter.app.localserver", QtWarningMsg)
