#pragma once

#include "apierror.h"

#include <optional>
#include <utility>

// A value or the protocol error that explains why there is none.
template<class T> class Result
{
public:
    Result() = default;
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(ApiError error)
        : m_error(std::move(error))
    {
    }

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};
