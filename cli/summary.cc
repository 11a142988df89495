#include "cli/summary.h"

#include <sstream>

namespace decltab::cli {
namespace {

void AppendCheck(std::ostringstream& out, const std::string& scope,
                 const Check& check) {
  if (check.status == CheckStatus::kOk) return;
  out << "  " << ToString(check.status) << "  " << check.rule << "  " << scope
      << ": " << check.detail << "\n";
}

}  // namespace

std::string Summarize(const Declaration& d) {
  size_t lines = 0, indicators = 0, checks = d.checks.size(), failing = 0;
  for (const Project& p : d.projects) {
    lines += p.budget_lines.size();
    indicators += p.indicators.size();
    checks += p.checks.size();
    for (const Check& c : p.checks) failing += c.status != CheckStatus::kOk;
  }
  for (const Check& c : d.checks) failing += c.status != CheckStatus::kOk;

  std::ostringstream out;
  out << d.file << ": " << d.page_count << " pages (" << ToString(d.kind)
      << "), " << d.projects.size() << " projects, " << lines
      << " budget lines, " << indicators << " indicators, " << checks
      << " checks, " << failing << " not ok\n";
  for (const Check& c : d.checks) AppendCheck(out, "document", c);
  for (const Project& p : d.projects)
    for (const Check& c : p.checks) AppendCheck(out, p.name, c);
  for (const std::string& w : d.warnings) out << "  warning: " << w << "\n";
  for (const Project& p : d.projects)
    for (const std::string& w : p.warnings)
      out << "  warning: " << p.name << ": " << w << "\n";
  return out.str();
}

}  // namespace decltab::cli
