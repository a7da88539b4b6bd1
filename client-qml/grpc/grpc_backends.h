#pragma once

#include "common/backends.h"

#include <QString>

/// Every service of the server at `address` over gRPC, on one shared
/// connection. A BackendsFactory for Session::setBackendsFactory().
Backends makeGrpcBackends(const QString &address);
