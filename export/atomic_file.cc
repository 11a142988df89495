#include "export/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>
#include <vector>

namespace decltab::exporter {
namespace {

Status ErrnoStatus(const std::string& what, const std::string& path) {
  return Status::Internal(path + ": " + what + ": " + std::strerror(errno));
}

// Durability of a rename needs the folder's entry flushed as well.
void SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

Status WriteAll(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return ErrnoStatus("write", path);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

void RemoveTree(const std::string& path) {
  std::error_code ec;
  std::filesystem::remove_all(path, ec);
}

// "<dir>/.<name>.decltab-<kind>-<pid>-XXXXXX": hidden, marked as decltab's
// and owned by one process, so that no name a person gives a file can match
// (see RemoveStaleTemporaries).
std::vector<char> TemporaryPattern(const std::string& path, const char* kind) {
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string pattern = dir + "." + name + ".decltab-" + kind + "-" +
                        std::to_string(::getpid()) + "-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  return buf;
}

// The pid in `rest` ("<pid>-XXXXXX"), or 0 when `rest` is not of that form.
pid_t TemporaryOwner(std::string_view rest) {
  const size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash > 10 ||
      rest.size() != dash + 7)
    return 0;
  long pid = 0;
  for (char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid > 0 && pid <= 0x3fffffff ? static_cast<pid_t>(pid) : 0;
}

}  // namespace

void RemoveStaleTemporaries(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : ParentDir(path);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    for (const char* kind : {"tmp", "old"}) {
      const std::string prefix = "." + name + ".decltab-" + kind + "-";
      if (entry.compare(0, prefix.size(), prefix) != 0) continue;
      const pid_t owner = TemporaryOwner(std::string_view(entry).substr(prefix.size()));
      // Only a temporary of this user whose process has ended: a running
      // decltab (another batch, or this one) may still be writing it.
      struct stat st;
      if (owner == 0 || owner == ::getpid() ||
          ::lstat(it->path().c_str(), &st) != 0 || st.st_uid != ::geteuid() ||
          ::kill(owner, 0) == 0 || errno != ESRCH)
        continue;
      RemoveTree(it->path().string());
    }
  }
}

std::string ParentDir(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// ---- AtomicFile ----

AtomicFile::AtomicFile(std::string path, std::string temp_path, int fd)
    : path_(std::move(path)), temp_path_(std::move(temp_path)), fd_(fd) {}

Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  std::vector<char> buf = TemporaryPattern(path, "tmp");
  int fd = ::mkstemp(buf.data());
  if (fd < 0) return ErrnoStatus("cannot create temporary file", path);
  // mkstemp makes 0600; outputs are ordinary files for their readers.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  return AtomicFile(path, std::string(buf.data()), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      temp_path_(std::move(other.temp_path_)),
      fd_(std::exchange(other.fd_, -1)),
      committed_(std::exchange(other.committed_, true)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    Discard();
    path_ = std::move(other.path_);
    temp_path_ = std::move(other.temp_path_);
    fd_ = std::exchange(other.fd_, -1);
    committed_ = std::exchange(other.committed_, true);
  }
  return *this;
}

AtomicFile::~AtomicFile() { Discard(); }

void AtomicFile::Discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
  committed_ = true;
}

Status AtomicFile::Write(std::string_view data) {
  if (fd_ < 0) return Status::Internal(path_ + ": write after commit");
  return WriteAll(fd_, data, temp_path_);
}

Status AtomicFile::Commit() {
  if (fd_ < 0) return Status::Internal(path_ + ": committed twice");
  Status status;
  if (::fsync(fd_) != 0) status = ErrnoStatus("fsync", temp_path_);
  if (::close(fd_) != 0 && status.ok()) status = ErrnoStatus("close", temp_path_);
  fd_ = -1;
  if (status.ok() && ::rename(temp_path_.c_str(), path_.c_str()) != 0)
    status = ErrnoStatus("cannot rename " + temp_path_ + " to", path_);
  if (!status.ok()) {
    Discard();
    return status;
  }
  committed_ = true;
  SyncDir(ParentDir(path_));
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view data) {
  Result<AtomicFile> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  Status written = file->Write(data);
  if (!written.ok()) return written;
  return file->Commit();
}

// ---- StagedDirectory ----

namespace {

// A directory decltab may replace holds only plain files named like those it
// is about to write there (an earlier output set); anything else was put
// there by someone else and is not decltab's to delete.
Status OnlyStagedNames(const std::string& existing, const std::string& staged) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::directory_iterator it(existing, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file(type_ec) || it->is_symlink(type_ec) ||
        !fs::exists(fs::path(staged) / name, type_ec))
      return Status::Internal(existing + ": holds " + name +
                              ", which decltab did not write; not replaced");
  }
  if (ec) return Status::Internal(existing + ": cannot list: " + ec.message());
  return Status::Ok();
}

}  // namespace

StagedDirectory::StagedDirectory(std::string path, std::string temp_path)
    : path_(std::move(path)), temp_path_(std::move(temp_path)) {}

Result<StagedDirectory> StagedDirectory::Create(const std::string& path) {
  std::vector<char> buf = TemporaryPattern(path, "tmp");
  if (::mkdtemp(buf.data()) == nullptr)
    return ErrnoStatus("cannot create temporary directory", path);
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(buf.data(), 0777 & ~mask);
  return StagedDirectory(path, std::string(buf.data()));
}

StagedDirectory::StagedDirectory(StagedDirectory&& other) noexcept
    : path_(std::move(other.path_)),
      temp_path_(std::move(other.temp_path_)),
      old_path_(std::move(other.old_path_)),
      state_(std::exchange(other.state_, State::kDone)) {}

StagedDirectory& StagedDirectory::operator=(StagedDirectory&& other) noexcept {
  if (this != &other) {
    Cleanup();
    path_ = std::move(other.path_);
    temp_path_ = std::move(other.temp_path_);
    old_path_ = std::move(other.old_path_);
    state_ = std::exchange(other.state_, State::kDone);
  }
  return *this;
}

StagedDirectory::~StagedDirectory() { Cleanup(); }

void StagedDirectory::Cleanup() {
  if (state_ == State::kStaged) RemoveTree(temp_path_);
  // An installed set that was neither finished nor restored stays
  // installed: it is complete. Only the old copy goes.
  if (state_ == State::kInstalled && !old_path_.empty()) RemoveTree(old_path_);
  state_ = State::kDone;
}

Status StagedDirectory::WriteFile(const std::string& name, std::string_view data) {
  if (state_ != State::kStaged) return Status::Internal(path_ + ": already installed");
  std::string file = temp_path_ + "/" + name;
  int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return ErrnoStatus("cannot create", file);
  Status status = WriteAll(fd, data, file);
  if (status.ok() && ::fsync(fd) != 0) status = ErrnoStatus("fsync", file);
  if (::close(fd) != 0 && status.ok()) status = ErrnoStatus("close", file);
  return status;
}

Status StagedDirectory::Install() {
  if (state_ != State::kStaged) return Status::Internal(path_ + ": installed twice");
  SyncDir(temp_path_);
  struct stat st;
  if (::lstat(path_.c_str(), &st) == 0) {
    if (!S_ISDIR(st.st_mode))
      return Status::Internal(path_ + ": exists and is not a directory");
    Status replaceable = OnlyStagedNames(path_, temp_path_);
    if (!replaceable.ok()) return replaceable;
    // rename() cannot replace a non-empty directory, so the old one steps
    // aside under a unique name first.
    std::vector<char> buf = TemporaryPattern(path_, "old");
    if (::mkdtemp(buf.data()) == nullptr)
      return ErrnoStatus("cannot reserve a name beside", path_);
    old_path_ = buf.data();
    if (::rename(path_.c_str(), old_path_.c_str()) != 0) {
      Status s = ErrnoStatus("cannot move aside", path_);
      ::rmdir(old_path_.c_str());
      old_path_.clear();
      return s;
    }
  }
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    Status s = ErrnoStatus("cannot rename " + temp_path_ + " to", path_);
    if (!old_path_.empty() && ::rename(old_path_.c_str(), path_.c_str()) == 0)
      old_path_.clear();
    return s;
  }
  state_ = State::kInstalled;
  SyncDir(ParentDir(path_));
  return Status::Ok();
}

void StagedDirectory::Restore() {
  if (state_ != State::kInstalled) return;
  RemoveTree(path_);
  if (!old_path_.empty()) ::rename(old_path_.c_str(), path_.c_str());
  old_path_.clear();
  state_ = State::kDone;
  SyncDir(ParentDir(path_));
}

void StagedDirectory::Finish() {
  if (state_ != State::kInstalled) return;
  if (!old_path_.empty()) RemoveTree(old_path_);
  old_path_.clear();
  state_ = State::kDone;
}

Status StagedDirectory::Commit() {
  Status installed = Install();
  if (installed.ok()) Finish();
  return installed;
}

}  // namespace decltab::exporter
