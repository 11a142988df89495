#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "cli/read_document.h"

namespace decltab::cli {
namespace {

// -j 100000 aborted (thread creation threw) and -j 10000 ran 3x slower in
// 780 MB: workers are clamped to kWorkersPerCore per core.
TEST(WorkerCountTest, DefaultIsOnePerCoreAndMoreIsClamped) {
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  EXPECT_EQ(cores, WorkerCount(0));
  EXPECT_EQ(cores, WorkerCount(-3));
  EXPECT_EQ(1, WorkerCount(1));
  EXPECT_EQ(cores * kWorkersPerCore, WorkerCount(cores * kWorkersPerCore));
  EXPECT_EQ(cores * kWorkersPerCore, WorkerCount(100000));
}

}  // namespace
}  // namespace decltab::cli
