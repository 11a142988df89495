#include "cli/batch_inputs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

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

Result<std::vector<BatchInput>> ListFolder(const fs::path& folder) {
  std::vector<BatchInput> inputs;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::follow_directory_symlink, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_directory(type_ec) && IsDocumentFile(it->path()))
      inputs.push_back({it->path().string(), RelativeTo(it->path(), folder)});
  }
  if (ec) return Status::InvalidInput(folder.string() + ": cannot list folder: " + ec.message());
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
    inputs.push_back({path.string(), RelativeTo(path, base)});
  }
  return inputs;
}

}  // namespace

Result<std::vector<BatchInput>> ListBatchInputs(const std::string& input) {
  std::error_code ec;
  if (fs::is_directory(input, ec)) return ListFolder(input);
  if (fs::is_regular_file(input, ec)) return ListFile(input);
  return Status::InvalidInput(input + ": no such folder or list file");
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
