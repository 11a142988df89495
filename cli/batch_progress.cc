#include "cli/batch_progress.h"

#include <ctime>

#include "core/utf8.h"

namespace decltab::cli {
namespace {

std::string Timestamp() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buf;
}

const char* Verb(BatchEvent::Kind kind) {
  switch (kind) {
    case BatchEvent::Kind::kDone: return "done";
    case BatchEvent::Kind::kSkipped: return "skipped";
    case BatchEvent::Kind::kFailed: return "failed";
    case BatchEvent::Kind::kOtherShard: return "other shard";
    case BatchEvent::Kind::kPage: return "page";
    case BatchEvent::Kind::kNote: return "note";
  }
  return "";
}

}  // namespace

std::string FormatDuration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%ldh %02ldm", s / 3600, s % 3600 / 60);
  else if (s >= 60)
    std::snprintf(buf, sizeof buf, "%ldm %02lds", s / 60, s % 60);
  else
    std::snprintf(buf, sizeof buf, "%lds", s);
  return buf;
}

BatchProgress::BatchProgress(std::FILE* out, bool terminal, int shards)
    : out_(out), terminal_(terminal), shards_(shards < 1 ? 1 : shards),
      start_(std::chrono::steady_clock::now()) {}

double BatchProgress::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

// "files 12/40, 0.81 pages/s, ETA 6m 10s, 1 failed"
std::string BatchProgress::Rates(const BatchCounts& c) const {
  const double elapsed = Elapsed();
  char buf[160];
  std::snprintf(buf, sizeof buf, "files %d/%d, %.2f pages/s", c.finished(), c.files,
                elapsed > 0 ? c.pages / elapsed : 0.0);
  std::string line = buf;
  // From the documents read so far; a shard does about 1/shards of the rest.
  const int left = c.files - c.finished();
  if (c.done > 0 && left > 0)
    line += ", ETA " + FormatDuration(elapsed / c.done * left / shards_);
  if (c.failed > 0) line += ", " + std::to_string(c.failed) + " failed";
  return line;
}

void BatchProgress::operator()(const BatchEvent& e) {
  if (terminal_) {
    if (e.kind == BatchEvent::Kind::kFailed || e.kind == BatchEvent::Kind::kNote)
      std::fprintf(out_, "\r\033[K%s %s: %s\n", Verb(e.kind), EscapeControls(e.file).c_str(),
                   EscapeControls(e.detail).c_str());
    std::fprintf(out_, "\r\033[K%s", Rates(e.counts).c_str());
    std::fflush(out_);
    return;
  }
  if (e.kind == BatchEvent::Kind::kPage || e.kind == BatchEvent::Kind::kOtherShard) return;
  // A file name or reason holding a newline or ESC must not forge a line or
  // steer the terminal.
  std::fprintf(out_, "%s %s %s%s%s [%s]\n", Timestamp().c_str(), Verb(e.kind),
               EscapeControls(e.file).c_str(), e.detail.empty() ? "" : ": ",
               EscapeControls(e.detail).c_str(),
               Rates(e.counts).c_str());
  std::fflush(out_);
}

std::string BatchProgress::Summary(const BatchCounts& c) const {
  if (terminal_) std::fprintf(out_, "\r\033[K");
  const double elapsed = Elapsed();
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "batch: %d files: %d done, %d skipped, %d failed, %d in other shards; "
                "%d pages in %s (%.2f pages/s)\n",
                c.files, c.done, c.skipped, c.failed, c.other_shard, c.pages,
                FormatDuration(elapsed).c_str(), elapsed > 0 ? c.pages / elapsed : 0.0);
  return buf;
}

}  // namespace decltab::cli
