// Atomic output: a file or a directory is built under a temporary name in
// its final folder (".<name>.decltab-tmp-<pid>-XXXXXX": hidden, marked and
// owned, so nothing a person names can be taken for one), flushed to disk,
// and renamed into place only when complete. Until then, and after any failure, nothing
// partial exists under the final name; the temporary is removed on failure
// (and by the destructor of an uncommitted object).
#ifndef DECLTAB_EXPORT_ATOMIC_FILE_H_
#define DECLTAB_EXPORT_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "core/result.h"
#include "core/status.h"

namespace decltab::exporter {

// One file. Move-only; owns its file descriptor and temporary file.
class AtomicFile {
 public:
  // Creates ".<name>.decltab-tmp-<pid>-XXXXXX" beside `path` (mode 0644 after umask). Fails when the
  // folder does not exist or is not writable.
  static Result<AtomicFile> Create(const std::string& path);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();  // removes the temporary unless committed

  Status Write(std::string_view data);
  // fsync, close, rename over `path`, fsync the folder.
  Status Commit();

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  AtomicFile(std::string path, std::string temp_path, int fd);
  void Discard();

  std::string path_, temp_path_;
  int fd_ = -1;
  bool committed_ = false;
};

// Create + Write + Commit.
Status WriteFileAtomically(const std::string& path, std::string_view data);

// A directory of files built as ".<name>.decltab-tmp-<pid>-XXXXXX" and
// swapped in whole. An existing directory at `path` is moved aside
// (".<name>.decltab-old-<pid>-XXXXXX") by Install() and deleted by Finish(),
// or put back by Restore() when a later step of an output set fails. Install()
// refuses to replace a directory holding anything but plain files of the
// names being written (an earlier output set): it is not decltab's.
class StagedDirectory {
 public:
  static Result<StagedDirectory> Create(const std::string& path);

  StagedDirectory(StagedDirectory&& other) noexcept;
  StagedDirectory& operator=(StagedDirectory&& other) noexcept;
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;
  ~StagedDirectory();  // removes the staged (or, once installed, the old) tree

  // Writes `name` (a plain file name) inside the staged directory, fsync'd.
  Status WriteFile(const std::string& name, std::string_view data);

  // Moves any old `path` aside and renames the staged directory to `path`.
  // On failure the old directory is back in place.
  Status Install();
  // After Install(): removes the new directory and puts the old one back.
  void Restore();
  // After Install(): deletes the old directory.
  void Finish();

  // Install() + Finish().
  Status Commit();

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  StagedDirectory(std::string path, std::string temp_path);
  enum class State { kStaged, kInstalled, kDone };
  void Cleanup();

  std::string path_, temp_path_, old_path_;  // old_path_ empty: none moved aside
  State state_ = State::kStaged;
};

// Removes the temporaries (above) for `path` that a decltab process of this
// user left when it was killed: only names of that exact form whose process
// no longer runs, so neither a person's files nor the temporaries of a
// decltab still running are touched.
void RemoveStaleTemporaries(const std::string& path);

// The folder part of `path` ("." for a bare name).
std::string ParentDir(const std::string& path);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_ATOMIC_FILE_H_
