#include "cli/batch_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

namespace decltab::cli {
namespace {

// An exclusive lock on `path` opened with `flags`: the descriptor, or the
// reason it cannot be had (naming `what`, the thing the lock guards).
Result<int> LockPath(const std::string& path, int flags, const std::string& what) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC, 0666);
  if (fd < 0)
    return Status::Internal(path + ": cannot open " + what + " lock: " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(fd);
    if (error == EWOULDBLOCK)
      return Status::Internal(what + " is in use by another decltab batch");
    return Status::Internal(path + ": cannot lock: " + std::strerror(error));
  }
  return fd;
}

}  // namespace

Result<BatchLock> BatchLock::Acquire(const std::string& db, const std::string& out_dir,
                                     const std::string& part) {
  BatchLock lock(-1, -1);
  if (!db.empty()) {
    Result<int> db_fd = LockPath(db + ".lock", O_RDWR | O_CREAT, "database " + db);
    if (!db_fd.ok()) return db_fd.status();
    lock.db_fd_ = *db_fd;
  }
  std::error_code ec;
  std::filesystem::create_directories(out_dir.empty() ? "." : out_dir, ec);
  if (ec) return Status::Internal(out_dir + ": cannot create directory: " + ec.message());
  const std::string dir = out_dir.empty() ? "." : out_dir;
  Result<int> dir_fd = LockPath(dir + "/.decltab-batch-" + part + ".lock", O_RDWR | O_CREAT,
                                "output folder " + dir + " (shard " + part + ")");
  if (!dir_fd.ok()) return dir_fd.status();
  lock.dir_fd_ = *dir_fd;
  return lock;
}

BatchLock::BatchLock(BatchLock&& other) noexcept
    : db_fd_(std::exchange(other.db_fd_, -1)), dir_fd_(std::exchange(other.dir_fd_, -1)) {}

BatchLock& BatchLock::operator=(BatchLock&& other) noexcept {
  if (this != &other) {
    Release();
    db_fd_ = std::exchange(other.db_fd_, -1);
    dir_fd_ = std::exchange(other.dir_fd_, -1);
  }
  return *this;
}

BatchLock::~BatchLock() { Release(); }

void BatchLock::Release() {
  if (db_fd_ >= 0) ::close(db_fd_);  // closing drops the flock
  if (dir_fd_ >= 0) ::close(dir_fd_);
  db_fd_ = dir_fd_ = -1;
}

}  // namespace decltab::cli
