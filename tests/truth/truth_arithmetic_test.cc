// The ground truth checks its own arithmetic: every check status a truth file
// states is recomputed here from its lines and funds, and the sample's real
// discrepancies are named one by one.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/decimal.h"
#include "core/fen.h"

namespace decltab {
namespace {

using nlohmann::json;

// Truth amounts are JSON numbers with at most two decimals; rounding the
// double to whole fen is exact for every amount below 2^53 fen.
Fen ToFen(const json& yuan) { return Fen(std::llround(yuan.get<double>() * 100)); }

json LoadTruth(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << path;
  return json::parse(in);
}

std::vector<std::string> TruthFiles() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator("testdata/truth"))
    if (entry.path().extension() == ".json") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::string StatusOf(const json& checks, const std::string& rule) {
  for (const json& c : checks)
    if (c["rule"] == rule) return c["status"];
  return "";
}

// Recomputes one project's checks; returns rule -> status and the per-line
// product statuses in line order.
struct Recomputed {
  std::string lines_sum, funds_sources, annual_request;
  std::vector<std::string> products;  // one per line with quantity and price
};

Recomputed Recompute(const json& project) {
  Recomputed r;
  const json& funds = project["funds"];
  Fen sum;
  for (const json& line : project["budget_lines"]) {
    sum += ToFen(line["amount_yuan"]);
    if (line["quantity"].is_null() || line["unit_price_yuan"].is_null()) continue;
    std::optional<Decimal> quantity = Decimal::Parse(line["quantity"].dump());
    EXPECT_TRUE(quantity.has_value()) << line.dump();
    std::optional<Fen> product = quantity->Times(ToFen(line["unit_price_yuan"]));
    r.products.push_back(product && *product == ToFen(line["amount_yuan"]) ? "ok"
                                                                           : "mismatch");
  }
  r.lines_sum = sum == ToFen(funds["total"]) ? "ok" : "mismatch";
  bool sources = ToFen(funds["fiscal"]) + ToFen(funds["other"]) == ToFen(funds["total"]) &&
                 ToFen(funds["appropriation"]) + ToFen(funds["carryover"]) ==
                     ToFen(funds["annual_request"]);
  r.funds_sources = sources ? "ok" : "mismatch";
  r.annual_request = ToFen(funds["annual_request"]) == ToFen(funds["total"]) ? "ok" : "mismatch";
  return r;
}

TEST(TruthArithmeticTest, EveryStatedCheckStatusIsRecomputed) {
  std::vector<std::string> files = TruthFiles();
  ASSERT_FALSE(files.empty());
  for (const std::string& file : files) {
    json truth = LoadTruth(file);
    Fen total;
    for (const json& project : truth["projects"]) {
      SCOPED_TRACE(file + ": " + project["name"].get<std::string>());
      total += ToFen(project["funds"]["total"]);
      Recomputed r = Recompute(project);
      const json& checks = project["checks"];
      EXPECT_EQ(r.lines_sum, StatusOf(checks, "budget_lines_sum_equals_total"));
      EXPECT_EQ(r.funds_sources, StatusOf(checks, "funds_sources_sum"));
      EXPECT_EQ(r.annual_request, StatusOf(checks, "annual_request_equals_total"));
      std::vector<std::string> stated;
      for (const json& c : checks)
        if (c["rule"] == "line_quantity_times_price") stated.push_back(c["status"]);
      EXPECT_EQ(r.products, stated);
    }
    const json& doc = truth["document"];
    if (!doc["stated_total_yuan"].is_null()) {
      // Stated to 0.01万元 in the sample: a residue under 100 元 holds.
      int64_t residue = std::llabs((total - ToFen(doc["stated_total_yuan"])).count());
      std::string status = residue <= 100'00 ? "ok" : "mismatch";
      EXPECT_EQ(status, StatusOf(truth["checks"], "projects_sum_equals_stated_total")) << file;
    }
    if (!doc["stated_project_count"].is_null()) {
      std::string status = doc["stated_project_count"].get<size_t>() == truth["projects"].size()
                               ? "ok" : "mismatch";
      EXPECT_EQ(status, StatusOf(truth["checks"], "project_count_equals_stated")) << file;
    }
  }
}

TEST(TruthArithmeticTest, SampleHoldsItsRealDiscrepancies) {
  json truth = LoadTruth("testdata/truth/songjiang-2023.json");
  ASSERT_EQ(14u, truth["projects"].size());
  EXPECT_EQ(14, truth["document"]["stated_project_count"]);
  EXPECT_EQ(Fen(60'693'000'00), ToFen(truth["document"]["stated_total_yuan"]));

  std::set<std::string> mismatches;
  Fen total;
  for (const json& project : truth["projects"]) {
    total += ToFen(project["funds"]["total"]);
    for (const json& c : project["checks"])
      if (c["status"] == "mismatch")
        mismatches.insert(project["name"].get<std::string>() + " " + c["rule"].get<std::string>());
  }
  // 合作与交流: its lines sum to 1,800,000 元, its form states 1,500,000 元.
  // 政务公开: "800×47=38000", while 800 × 47 = 37,600.
  const std::set<std::string> kKnown = {
      "合作与交流 budget_lines_sum_equals_total",
      "政务公开 line_quantity_times_price",
  };
  EXPECT_EQ(kKnown, mismatches);
  // The 14 totals sum to 6069.3088万元 against a stated 6069.30万元: within
  // one unit (0.01万元) of the stated figure's last digit.
  EXPECT_EQ(Fen(60'693'088'00), total);

  for (const json& project : truth["projects"]) {
    if (project["name"] != "合作与交流") continue;
    Fen sum;
    for (const json& line : project["budget_lines"]) sum += ToFen(line["amount_yuan"]);
    EXPECT_EQ(Fen(1'800'000'00), sum);
    EXPECT_EQ(Fen(1'500'000'00), ToFen(project["funds"]["total"]));
  }
}

}  // namespace
}  // namespace decltab
