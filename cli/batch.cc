#include "cli/batch.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <map>
#include <optional>
#include <set>
#include <system_error>
#include <thread>

#include "cli/batch_lock.h"
#include "cli/run_extract.h"
#include "export/database.h"
#include "extract/sha256.h"

namespace decltab::cli {
namespace {

// A document whose pages are being read.
struct OpenDocument {
  OpenDocument(BatchInput in, extract::SourceDocument doc)
      : input(std::move(in)), document(std::move(doc)),
        pages(document.page_count(), Status::Internal("not read")) {}
  BatchInput input;
  extract::SourceDocument document;
  std::mutex document_mutex;                // poppler calls
  std::vector<Result<PageLayout>> pages;    // one slot per page, written once
  int next_page = 0;                        // guarded by PageQueue
  int pages_left = 0;                       // guarded by PageQueue
};

// Hands out the pages of open documents in order, to any worker. Push blocks
// while `capacity` documents are open (pages handed out or not).
class PageQueue {
 public:
  explicit PageQueue(int capacity) : capacity_(capacity) {}

  void Push(std::shared_ptr<OpenDocument> doc) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return open_ < capacity_; });
    ++open_;
    doc->pages_left = static_cast<int>(doc->pages.size());
    waiting_.push_back(std::move(doc));
    work_.notify_all();
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    work_.notify_all();
  }

  // The next page to read, or nothing once closed and drained.
  std::optional<std::pair<std::shared_ptr<OpenDocument>, int>> Next() {
    std::unique_lock<std::mutex> lock(mutex_);
    work_.wait(lock, [&] { return !waiting_.empty() || closed_; });
    if (waiting_.empty()) return std::nullopt;
    std::shared_ptr<OpenDocument> doc = waiting_.front();
    int page = doc->next_page++;
    if (doc->next_page == static_cast<int>(doc->pages.size())) waiting_.pop_front();
    return std::make_pair(doc, page);
  }

  // True when `doc` has no page left: the caller finishes it.
  bool PageDone(OpenDocument& doc) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--doc.pages_left > 0) return false;
    --open_;
    room_.notify_all();
    return true;
  }

 private:
  std::mutex mutex_;
  std::condition_variable work_, room_;
  std::deque<std::shared_ptr<OpenDocument>> waiting_;
  int capacity_, open_ = 0;
  bool closed_ = false;
};

std::string OneLineSummary(const Declaration& d) {
  int mismatches = 0, unverifiable = 0;
  auto count = [&](const std::vector<Check>& checks) {
    for (const Check& c : checks) {
      mismatches += c.status == CheckStatus::kMismatch;
      unverifiable += c.status == CheckStatus::kUnverifiable;
    }
  };
  count(d.checks);
  for (const Project& p : d.projects) count(p.checks);
  return std::to_string(d.page_count) + " pages, " +
         std::to_string(d.projects.size()) + " projects, " +
         std::to_string(mismatches) + " mismatches, " +
         std::to_string(unverifiable) + " unverifiable";
}

class Batch {
 public:
  Batch(const BatchRequest& request, exporter::Database& db,
        const BatchObserver& observe, int files)
      : request_(request), db_(db), observe_(observe) {
    counts_.files = files;
  }

  // Records a document that is done, skipped or failed.
  void Report(BatchEvent::Kind kind, const std::string& file, const std::string& detail,
              int pages = 0) {
    std::lock_guard<std::mutex> lock(mutex_);
    switch (kind) {
      case BatchEvent::Kind::kDone: ++counts_.done; break;
      case BatchEvent::Kind::kSkipped: ++counts_.skipped; break;
      case BatchEvent::Kind::kOtherShard: ++counts_.other_shard; break;
      case BatchEvent::Kind::kFailed: ++counts_.failed; break;
      case BatchEvent::Kind::kPage: counts_.pages += pages; break;
      case BatchEvent::Kind::kNote: break;
    }
    if (!observe_) return;
    try {
      observe_(BatchEvent{kind, file, detail, counts_});
    } catch (...) {
      // Progress is a courtesy; the counts and the database are what count.
    }
  }

  void Fail(const BatchInput& input, const std::string& sha256, const Status& why) {
    Status recorded = db_.WriteFailed(input.path, sha256, why.message());
    std::string detail = why.message();
    if (!recorded.ok()) detail += " (not recorded: " + recorded.message() + ")";
    Report(BatchEvent::Kind::kFailed, input.path, detail);
  }

  // Builds, reconciles and writes a document whose pages are all read.
  void Finish(OpenDocument& doc) {
    Status failed;
    try {
      Result<DocumentLayout> layout =
          AssembleLayout(doc.document, doc.input.path, std::move(doc.pages));
      Result<Declaration> declaration =
          layout.ok() ? BuildReconciledDeclaration(*layout, request_.min_confidence)
                      : Result<Declaration>(layout.status());
      if (declaration.ok()) {
        std::filesystem::path output(doc.input.output);
        Result<std::string> json = WriteDeclaration(
            *declaration,
            (std::filesystem::path(request_.out_dir) / output.parent_path()).string(),
            output.filename().string(), request_.excel, &db_);
        if (json.ok()) {
          Report(BatchEvent::Kind::kDone, doc.input.path, OneLineSummary(*declaration));
          return;
        }
        failed = json.status();
      } else {
        failed = declaration.status();
      }
    } catch (const std::exception& e) {
      failed = Status::Internal(std::string("internal error: ") + e.what());
    } catch (...) {
      failed = Status::Internal("internal error: unknown exception");
    }
    Fail(doc.input, doc.document.sha256(), failed);
  }

  // A worker thread's loop. Nothing in it may throw out of the thread
  // (std::terminate): ReadPage does not throw, Finish catches, and a
  // failing observer is dropped for that event.
  void Work(PageQueue& queue, PageWorker& worker) {
    while (auto next = queue.Next()) {
      OpenDocument& doc = *next->first;
      const int index = next->second;
      doc.pages[index] = ReadPage(doc.document, index, doc.document_mutex, worker,
                                  request_.read);
      Report(BatchEvent::Kind::kPage, doc.input.path, "", 1);
      if (queue.PageDone(doc)) Finish(doc);
    }
  }

  const BatchCounts& counts() const { return counts_; }

 private:
  const BatchRequest& request_;
  exporter::Database& db_;
  const BatchObserver& observe_;
  std::mutex mutex_;
  BatchCounts counts_;
};

}  // namespace

Result<BatchCounts> RunBatch(const BatchRequest& request, const BatchObserver& observe) {
  Result<std::vector<BatchInput>> inputs = ListBatchInputs(request.input);
  if (!inputs.ok()) return inputs.status();
  // A PostgreSQL server arbitrates its own writers; a part of OUTDIR is
  // still one batch's at a time.
  Result<BatchLock> lock = BatchLock::Acquire(
      exporter::IsPostgresUri(request.db) ? "" : request.db, request.out_dir,
      std::to_string(request.shard.index) + "-of-" + std::to_string(request.shard.count));
  if (!lock.ok()) return lock.status();
  Result<std::unique_ptr<exporter::Database>> db = exporter::OpenOutputDatabase(request.db);
  if (!db.ok()) return db.status();
  Result<std::set<std::string>> completed = (*db)->CompletedDocuments();
  if (!completed.ok()) return completed.status().WithContext((*db)->name());

  const int workers = WorkerCount(request.read.workers);
  Batch batch(request, **db, observe, static_cast<int>(inputs->size()));
  PageQueue queue(workers + 1);
  std::vector<PageWorker> state(workers);
  std::vector<std::thread> threads;
  try {
    for (PageWorker& worker : state)
      threads.emplace_back([&batch, &queue, &worker] { batch.Work(queue, worker); });
  } catch (const std::system_error& e) {
    // Fewer threads than asked for still read the batch; none cannot.
    if (threads.empty())
      return Status::Internal(std::string("cannot start a worker thread: ") + e.what());
  }

  // Whatever happens below, the workers are stopped and joined before the
  // threads are destroyed (a joinable std::thread's destructor terminates).
  struct JoinWorkers {
    PageQueue& queue;
    std::vector<std::thread>& threads;
    ~JoinWorkers() {
      queue.Close();
      for (std::thread& t : threads) t.join();
    }
  } join_workers{queue, threads};

  // This thread hashes and opens documents, one at a time, ahead of the
  // workers (Push waits while enough are open).
  std::map<std::string, std::string> first_copy;  // sha256 -> path, this run
  for (const BatchInput& input : *inputs) {
    if (input.output_renamed)
      batch.Report(BatchEvent::Kind::kNote, input.path,
                   "another input has its output name; writing " + input.output + ".json");
    Result<std::string> sha = extract::Sha256OfFile(input.path);
    if (ShardOf(sha.ok() ? *sha : "", input.relative, request.shard.count) !=
        request.shard.index) {
      batch.Report(BatchEvent::Kind::kOtherShard, input.path, "");
      continue;
    }
    if (!sha.ok()) {
      batch.Fail(input, "", sha.status());
      continue;
    }
    if (completed->count(*sha)) {
      batch.Report(BatchEvent::Kind::kSkipped, input.path, "already in the database");
      continue;
    }
    auto [copy, first] = first_copy.emplace(*sha, input.path);
    if (!first) {
      batch.Report(BatchEvent::Kind::kSkipped, input.path, "same file as " + copy->second);
      continue;
    }
    Result<extract::SourceDocument> document = extract::SourceDocument::Open(input.path);
    if (!document.ok()) {
      batch.Fail(input, *sha, document.status());
      continue;
    }
    queue.Push(std::make_shared<OpenDocument>(input, std::move(document).value()));
  }
  queue.Close();
  for (std::thread& t : threads) t.join();
  threads.clear();
  return batch.counts();
}

}  // namespace decltab::cli
