#pragma once

#include <QtGlobal>

namespace Natter::Server {

// Sees the bytes a connection writes, before they are queued: HttpGuard learns each response's status from
// them to log the request it answers (QHttpServer 6.4 has no hook that sees every response).
class ResponseObserver
{
public:
    virtual void responseBytes(const char *data, qint64 size) = 0;

protected:
    ~ResponseObserver() = default;
};

// The observer slot of a socket made by GuardedTcpServer.
class ObservableSocket
{
public:
    ResponseObserver *observer = nullptr;

protected:
    ~ObservableSocket() = default;
};

// QTcpSocket or QSslSocket whose writes pass by an observer.
template<class Base> class ObservedSocket final : public Base, public ObservableSocket
{
public:
    using Base::Base;

protected:
    qint64 writeData(const char *data, qint64 size) override
    {
        if (observer)
            observer->responseBytes(data, size);
        return Base::writeData(data, size);
    }
};

} // namespace Natter::Server
