#include "extract/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace decltab::extract {
namespace {

// FIPS 180-4 / NIST example vectors.
TEST(Sha256Test, MatchesKnownVectors) {
  const struct {
    std::string input;
    const char* hex;
  } kCases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnop"
       "jklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const auto& c : kCases)
    EXPECT_EQ(c.hex, Sha256Hex(c.input.data(), c.input.size()))
        << c.input.size() << " bytes";
}

// Padding edge cases: 55 bytes fit one block with the length, 56 do not.
TEST(Sha256Test, IncrementalUpdatesMatchOneShot) {
  for (size_t size : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 127u, 128u, 1000u}) {
    std::string input(size, '\0');
    for (size_t i = 0; i < size; ++i) input[i] = static_cast<char>(i * 7 + 3);
    Sha256 hasher;
    for (size_t i = 0; i < size; i += 5)
      hasher.Update(input.data() + i, std::min<size_t>(5, size - i));
    std::string hex;
    static const char kHex[] = "0123456789abcdef";
    for (uint8_t b : hasher.Finish()) {
      hex += kHex[b >> 4];
      hex += kHex[b & 15];
    }
    EXPECT_EQ(Sha256Hex(input.data(), input.size()), hex) << size;
  }
}

TEST(Sha256Test, KnownFiftySixByteVector) {
  // 56 bytes: the padding needs a second block.
  const std::string input(56, 'a');
  EXPECT_EQ("b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            Sha256Hex(input.data(), input.size()));
}

}  // namespace
}  // namespace decltab::extract
