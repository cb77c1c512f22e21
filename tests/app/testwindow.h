#pragma once

#include "mainwindow.h"
#include "session/account.h"
#include "store/profile.h"
#include "store/tokenstore.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

// The app's main window on a throwaway profile, its tokens in memory: what the widget suites open and sign
// in.
struct TestWindow
{
    QTemporaryDir dir;
    QNetworkAccessManager nam;
    Natter::Client::MemoryTokenStore tokens;
    Natter::Client::Profile profile { QStringLiteral("test"), dir.path() };
    Natter::Client::Account account { profile, &tokens, &nam };
    Natter::Client::MainWindow window { &account };
};
