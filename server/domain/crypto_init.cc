#include "server/domain/crypto_init.h"

#include <sodium.h>

#include <cstdlib>
#include <mutex>

#include "shared/logger.h"

namespace tandem::domain {

void EnsureSodiumInitialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) {
      LogError("libsodium failed to initialise; refusing to run without a randomness source");
      std::abort();
    }
  });
}

}  // namespace tandem::domain
