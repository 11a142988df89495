#include "cli/batch_progress.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace decltab::cli {
namespace {

TEST(FormatDurationTest, PicksTheTwoLargestUnits) {
  EXPECT_EQ("42s", FormatDuration(41.6));
  EXPECT_EQ("5m 10s", FormatDuration(310));
  EXPECT_EQ("1h 02m", FormatDuration(3725));
}

// What BatchProgress wrote to a log (not a terminal).
std::string LogOf(const std::vector<BatchEvent>& events) {
  char* buf = nullptr;
  size_t size = 0;
  std::FILE* out = open_memstream(&buf, &size);
  BatchProgress progress(out, /*terminal=*/false, /*shards=*/1);
  for (const BatchEvent& e : events) progress(e);
  std::fclose(out);
  std::string text(buf, size);
  free(buf);
  return text;
}

TEST(BatchProgressTest, LogHasOneTimestampedLinePerDocumentAndNoPageLines) {
  BatchCounts c;
  c.files = 3;
  c.pages = 4;
  BatchEvent page{BatchEvent::Kind::kPage, "a.pdf", "", c};
  c.done = 1;
  BatchEvent done{BatchEvent::Kind::kDone, "a.pdf", "4 pages, 2 projects", c};
  c.failed = 1;
  BatchEvent failed{BatchEvent::Kind::kFailed, "b.pdf", "damaged PDF", c};
  std::string log = LogOf({page, done, failed});
  ASSERT_EQ(2, std::count(log.begin(), log.end(), '\n')) << log;
  EXPECT_NE(std::string::npos, log.find("Z done a.pdf: 4 pages, 2 projects [files 1/3")) << log;
  EXPECT_NE(std::string::npos, log.find("Z failed b.pdf: damaged PDF [files 2/3")) << log;
  EXPECT_NE(std::string::npos, log.find("ETA")) << log;
  EXPECT_NE(std::string::npos, log.find("1 failed]")) << log;
}

}  // namespace
}  // namespace decltab::cli
