#pragma once

#include <QString>

#include <functional>
#include <optional>
#include <utility>

/// Nothing to return; the call succeeded.
struct Done { };

/// Why a call failed, already phrased for the person using the app.
struct BackendError {
    enum class Kind {
        Unreachable, ///< the server could not be reached
        Timeout, ///< the deadline passed
        SessionExpired, ///< the token is no longer valid; sign in again
        Rejected, ///< the server refused the request; message says why
        Busy, ///< the server is too busy just now; trying later may work
        NotFound,
        Internal, ///< a bug or an unexpected failure
    };
    Kind kind = Kind::Internal;
    /// In words for people: never an address, a field name or an id.
    QString message;
    /// For a refusal of one field of the request: its name as the server
    /// gave it ("actual_minutes"), for forms to mark; empty otherwise.
    QString field;
};

/// The outcome of a call: a value or an error, never both.
template <typename T> class Result {
public:
    Result(T value)
        : m_value(std::move(value))
    { } // NOLINT(google-explicit-constructor)
    Result(BackendError error)
        : m_error(std::move(error))
    { } // NOLINT(google-explicit-constructor)

    bool ok() const { return m_value.has_value(); }
    const T &value() const { return *m_value; }
    const BackendError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    BackendError m_error;
};

/// How a backend call reports: on the GUI thread, unless the call's
/// `context` has been destroyed by then, in which case the result is dropped.
template <typename T> using Callback = std::function<void(const Result<T> &)>;
