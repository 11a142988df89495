#include "cli/batch_inputs.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <utility>

#include "cli/run_extract.h"

namespace decltab::cli {
namespace {

namespace fs = std::filesystem;

bool IsDocumentFile(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* known : {".pdf", ".png", ".tif", ".tiff", ".jpg", ".jpeg"})
    if (ext == known) return true;
  return false;
}

// `path` relative to `base` when under it, else its full path without the
// root ("/a/b.pdf" -> "a/b.pdf").
std::string RelativeTo(const fs::path& path, const fs::path& base) {
  fs::path rel = path.lexically_normal().lexically_relative(base.lexically_normal());
  if (rel.empty() || *rel.begin() == "..") rel = path.lexically_normal().relative_path();
  return rel.generic_string();
}

// Its output name is assigned once the whole list is known.
BatchInput Input(const fs::path& path, const fs::path& base) {
  BatchInput input;
  input.path = path.string();
  input.relative = RelativeTo(path, base);
  return input;
}

// A file or folder as the system knows it, whatever the path to it.
using FileId = std::pair<dev_t, ino_t>;

// Appends the documents under `dir` (depth first, names in order) to
// `inputs`. Links are followed once: a folder already entered (a link back
// up the tree, `loop -> .`) is not entered again, and a file already listed
// under another path is not listed again. A link to nothing is listed (it
// fails as unreadable, once).
Status ListTree(const fs::path& dir, const fs::path& base, std::set<FileId>* folders,
                std::set<FileId>* files, std::vector<BatchInput>* inputs) {
  std::error_code ec;
  std::vector<fs::path> names;
  for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    names.push_back(it->path());
  if (ec) return Status::InvalidInput(dir.string() + ": cannot list folder: " + ec.message());
  std::sort(names.begin(), names.end());
  for (const fs::path& path : names) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      if (IsDocumentFile(path)) inputs->push_back(Input(path, base));
      continue;
    }
    const FileId id{st.st_dev, st.st_ino};
    if (S_ISDIR(st.st_mode)) {
      if (!folders->insert(id).second) continue;
      Status listed = ListTree(path, base, folders, files, inputs);
      if (!listed.ok()) return listed;
    } else if (IsDocumentFile(path) && files->insert(id).second) {
      inputs->push_back(Input(path, base));
    }
  }
  return Status::Ok();
}

Result<std::vector<BatchInput>> ListFolder(const fs::path& folder) {
  std::vector<BatchInput> inputs;
  std::set<FileId> folders, files;
  struct stat st;
  if (::stat(folder.c_str(), &st) == 0) folders.insert({st.st_dev, st.st_ino});
  Status listed = ListTree(folder, folder, &folders, &files, &inputs);
  if (!listed.ok()) return listed;
  std::sort(inputs.begin(), inputs.end(),
            [](const BatchInput& a, const BatchInput& b) { return a.path < b.path; });
  return inputs;
}

Result<std::vector<BatchInput>> ListFile(const fs::path& list) {
  std::ifstream in(list);
  if (!in) return Status::InvalidInput(list.string() + ": cannot read list file");
  const fs::path base = list.parent_path();
  std::vector<BatchInput> inputs;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    fs::path path = line.substr(start);
    if (path.is_relative()) path = base / path;
    inputs.push_back(Input(path, base));
  }
  return inputs;
}

}  // namespace

// The output name of each input: <relative folder>/<stem>, unless an input
// before it took that name already (report.pdf and report.PDF, scan.png and
// scan.tif), compared without letter case so that the outputs stay apart on
// a case-insensitive file system too. Then the file name with its dot as
// '_' (report_PDF), and a number after that if needed (report_PDF-2).
void AssignOutputNames(std::vector<BatchInput>* inputs) {
  auto key = [](std::string name) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return name;
  };
  std::set<std::string> taken;
  for (BatchInput& input : *inputs) {
    const fs::path rel(input.relative);
    const std::string folder = rel.parent_path().generic_string();
    auto in_folder = [&](const std::string& stem) {
      return folder.empty() ? stem : folder + "/" + stem;
    };
    const std::string file = rel.filename().string();
    std::string output = in_folder(FileStem(file));
    if (!taken.insert(key(output)).second) {
      std::string stem = file;
      std::replace(stem.begin(), stem.end(), '.', '_');
      output = in_folder(stem);
      for (int n = 2; !taken.insert(key(output)).second; ++n)
        output = in_folder(stem + "-" + std::to_string(n));
      input.output_renamed = true;
    }
    input.output = output;
  }
}

Result<std::vector<BatchInput>> ListBatchInputs(const std::string& input) {
  std::error_code ec;
  Result<std::vector<BatchInput>> inputs =
      fs::is_directory(input, ec)      ? ListFolder(input)
      : fs::is_regular_file(input, ec) ? ListFile(input)
                                       : Status::InvalidInput(input + ": no such folder or list file");
  if (inputs.ok()) AssignOutputNames(&*inputs);
  return inputs;
}

int ShardOf(const std::string& sha256, const std::string& relative, int count) {
  uint64_t key = 0;
  if (!sha256.empty()) {
    key = std::stoull(sha256.substr(0, 15), nullptr, 16);
  } else {
    key = 1469598103934665603ull;  // FNV-1a
    for (unsigned char c : relative) key = (key ^ c) * 1099511628211ull;
  }
  return static_cast<int>(key % static_cast<uint64_t>(count));
}

Result<Shard> ParseShard(const std::string& text) {
  Shard shard;
  size_t slash = text.find('/');
  try {
    size_t used_k = 0, used_n = 0;
    if (slash == std::string::npos) throw std::invalid_argument("no slash");
    shard.index = std::stoi(text.substr(0, slash), &used_k);
    shard.count = std::stoi(text.substr(slash + 1), &used_n);
    if (used_k != slash || used_n != text.size() - slash - 1)
      throw std::invalid_argument("trailing text");
  } catch (const std::exception&) {
    return Status::InvalidInput("--shard wants K/N, got \"" + text + "\"");
  }
  if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count)
    return Status::InvalidInput("--shard K/N needs 0 <= K < N, got \"" + text + "\"");
  return shard;
}

}  // namespace decltab::cli
