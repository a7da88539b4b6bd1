#include "grpc/grpc_backends.h"

#include "grpc/grpc_backend.h"

Backends makeGrpcBackends(const QString &address)
{
    auto backend = std::make_shared<GrpcBackend>(address);
    return Backends {backend, backend, backend, backend, backend, backend, backend};
}
