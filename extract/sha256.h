// SHA-256 (FIPS 180-4) of byte strings, for the `sha256` of an input file
// that the output contract records. Written here to avoid a crypto
// dependency for one digest.
#ifndef DECLTAB_EXTRACT_SHA256_H_
#define DECLTAB_EXTRACT_SHA256_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/result.h"

namespace decltab::extract {

// Incremental hasher: Update() any number of times, then Finish() once.
class Sha256 {
 public:
  Sha256();
  void Update(const void* data, size_t size);
  // Returns the 32-byte digest; the hasher must not be used afterwards.
  std::array<uint8_t, 32> Finish();

 private:
  void Compress(const uint8_t block[64]);

  std::array<uint32_t, 8> state_;
  uint8_t buffer_[64];
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

// Lower-case hex digest (64 characters) of `size` bytes at `data`.
std::string Sha256Hex(const void* data, size_t size);

// Hex digest of a file's bytes, read in chunks; kInvalidInput "cannot read
// file: <reason>" when it cannot be read.
Result<std::string> Sha256OfFile(const std::string& path);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_SHA256_H_
