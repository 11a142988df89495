#include "tests/eval/scorer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "tests/eval/text_match.h"

namespace decltab::eval {
namespace {

using nlohmann::json;

const json& Field(const json& j, const char* key) {
  static const json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

std::string Str(const json& j, const char* key) {
  const json& v = Field(j, key);
  return v.is_string() ? v.get<std::string>() : "";
}

const json& Array(const json& j, const char* key) {
  static const json kEmpty = json::array();
  const json& v = Field(j, key);
  return v.is_array() ? v : kEmpty;
}

// 元 number -> fen; nullopt for null or absent.
std::optional<int64_t> Fen(const json& v) {
  if (!v.is_number()) return std::nullopt;
  return std::llround(v.get<double>() * 100.0);
}

double Ratio(int num, int den) { return den == 0 ? 1.0 : double(num) / den; }

// Monotone alignment of truth and output project names maximizing the
// number of pairs with similarity >= kNameSimilarity, then their total
// similarity: projects keep their document order even when OCR garbles a
// name.
std::vector<std::pair<int, int>> MatchProjects(const json& truth, const json& output) {
  size_t n = truth.size(), m = output.size();
  std::vector<std::string> tn(n), on(m);
  for (size_t i = 0; i < n; ++i) tn[i] = FoldText(Str(truth[i], "name"));
  for (size_t j = 0; j < m; ++j) on[j] = FoldText(Str(output[j], "name"));
  struct Cell { int count = 0; double sim = 0; };
  auto better = [](const Cell& a, const Cell& b) {
    return a.count != b.count ? a.count > b.count : a.sim > b.sim + 1e-12;
  };
  std::vector<std::vector<Cell>> best(n + 1, std::vector<Cell>(m + 1));
  std::vector<std::vector<double>> sim(n, std::vector<double>(m));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = 0; j < m; ++j) sim[i][j] = Similarity(tn[i], on[j]);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      Cell c = best[i - 1][j];
      if (better(best[i][j - 1], c)) c = best[i][j - 1];
      if (sim[i - 1][j - 1] >= kNameSimilarity) {
        Cell d{best[i - 1][j - 1].count + 1, best[i - 1][j - 1].sim + sim[i - 1][j - 1]};
        if (better(d, c)) c = d;
      }
      best[i][j] = c;
    }
  }
  std::vector<std::pair<int, int>> pairs;
  size_t i = n, j = m;
  while (i > 0 && j > 0) {
    const Cell& c = best[i][j];
    if (sim[i - 1][j - 1] >= kNameSimilarity &&
        c.count == best[i - 1][j - 1].count + 1 &&
        std::fabs(c.sim - (best[i - 1][j - 1].sim + sim[i - 1][j - 1])) < 1e-9) {
      pairs.emplace_back(int(i - 1), int(j - 1));
      --i;
      --j;
    } else if (best[i - 1][j].count == c.count &&
               std::fabs(best[i - 1][j].sim - c.sim) < 1e-9) {
      --i;
    } else {
      --j;
    }
  }
  std::reverse(pairs.begin(), pairs.end());
  return pairs;
}

std::string IndicatorKey(const json& ind) {
  return FoldText(Str(ind, "level1")) + "\x1f" + FoldText(Str(ind, "level2")) + "\x1f" +
         FoldText(Str(ind, "level3")) + "\x1f" + FoldText(Str(ind, "target"));
}

int MatchIndicators(const json& truth, const json& output) {
  std::map<std::string, int> wanted;
  for (const json& ind : truth) ++wanted[IndicatorKey(ind)];
  int matched = 0;
  for (const json& ind : output) {
    auto it = wanted.find(IndicatorKey(ind));
    if (it != wanted.end() && it->second > 0) {
      --it->second;
      ++matched;
    }
  }
  return matched;
}

bool SameText(const std::string& truth, const std::string& output) {
  std::string t = FoldText(truth), o = FoldText(output);
  return t == o || Similarity(t, o) >= kItemSimilarity;
}

// Group (similar, as items), quantity and unit price (to the fen) agree.
bool SameFields(const json& truth, const json& output) {
  const json &tq = Field(truth, "quantity"), &oq = Field(output, "quantity");
  bool same_quantity = tq.is_number() == oq.is_number() &&
                       (!tq.is_number() || std::abs(tq.get<double>() - oq.get<double>()) < 1e-9);
  return same_quantity &&
         Fen(Field(truth, "unit_price_yuan")) == Fen(Field(output, "unit_price_yuan")) &&
         SameText(Str(truth, "group"), Str(output, "group"));
}

// Lines with equal amounts pair up: equal folded items first, then the
// most similar items (>= kItemSimilarity). Adds to *fields_right the pairs
// whose other fields agree too (SameFields).
int MatchBudgetLines(const json& truth, const json& output, int* fields_right) {
  std::vector<bool> t_used(truth.size()), o_used(output.size());
  std::vector<std::string> t_item(truth.size()), o_item(output.size());
  for (size_t i = 0; i < truth.size(); ++i) t_item[i] = FoldText(Str(truth[i], "item"));
  for (size_t j = 0; j < output.size(); ++j) o_item[j] = FoldText(Str(output[j], "item"));
  struct Candidate { double sim; size_t i, j; };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < truth.size(); ++i) {
    std::optional<int64_t> ta = Fen(Field(truth[i], "amount_yuan"));
    for (size_t j = 0; j < output.size(); ++j) {
      std::optional<int64_t> oa = Fen(Field(output[j], "amount_yuan"));
      if (!ta || !oa || *ta != *oa) continue;
      double s = t_item[i] == o_item[j] ? 2.0 : Similarity(t_item[i], o_item[j]);
      if (s >= kItemSimilarity) candidates.push_back({s, i, j});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.sim > b.sim; });
  int matched = 0;
  for (const Candidate& c : candidates) {
    if (t_used[c.i] || o_used[c.j]) continue;
    t_used[c.i] = o_used[c.j] = true;
    ++matched;
    *fields_right += SameFields(truth[c.i], output[c.j]);
  }
  return matched;
}

int Severity(const std::string& status) {
  if (status == "mismatch") return 2;
  if (status == "unverifiable") return 1;
  if (status == "ok") return 0;
  return 1;  // unknown statuses count as doubt
}

struct Worst {
  std::string status;
  std::string detail;
};

// (scope key, rule) -> worst status. Scope key: -1 for the document, else
// the truth project index.
using CheckTable = std::map<std::pair<int, std::string>, Worst>;

void AddChecks(const json& checks, int scope, CheckTable* table) {
  for (const json& c : checks) {
    std::string rule = Str(c, "rule");
    std::string status = Str(c, "status");
    auto key = std::make_pair(scope, rule);
    auto it = table->find(key);
    if (it == table->end() || Severity(status) > Severity(it->second.status))
      (*table)[key] = Worst{status, Str(c, "detail")};
  }
}

void ScoreChecks(const json& truth, const json& output, DocumentScore* score) {
  CheckTable t, o;
  AddChecks(Array(truth, "checks"), -1, &t);
  AddChecks(Array(output, "checks"), -1, &o);
  const json& tp = Array(truth, "projects");
  const json& op = Array(output, "projects");
  for (size_t i = 0; i < tp.size(); ++i) AddChecks(Array(tp[i], "checks"), int(i), &t);
  for (const auto& [ti, oi] : score->project_matches)
    AddChecks(Array(op[oi], "checks"), ti, &o);

  auto scope_name = [&tp](int scope) {
    if (scope < 0) return std::string("document");
    return "project " + std::to_string(scope + 1) + " '" + Str(tp[scope], "name") + "'";
  };
  // Every pair in either table, in a stable order.
  std::map<std::pair<int, std::string>, bool> keys;
  for (const auto& [k, v] : t) keys[k] = true;
  for (const auto& [k, v] : o) keys[k] = true;
  for (const auto& [key, unused] : keys) {
    auto ti = t.find(key);
    auto oi = o.find(key);
    std::string ts = ti == t.end() ? "missing" : ti->second.status;
    std::string os = oi == o.end() ? "missing" : oi->second.status;
    if (ti != t.end()) {
      ++score->check_pairs;
      if (ts == os) ++score->check_agreements;
    }
    if (os == "mismatch" && ts != "mismatch") ++score->false_mismatches;
    if (ts == "mismatch" && os != "mismatch") ++score->missed_mismatches;
    if (ts != os)
      score->disagreements.push_back(
          {scope_name(key.first), key.second, os, ts,
           oi == o.end() ? "" : oi->second.detail, ti == t.end() ? "" : ti->second.detail});
  }
  score->check_agreement = Ratio(score->check_agreements, score->check_pairs);
}

}  // namespace

double MatchCounts::precision() const {
  return predicted == 0 ? (truth == 0 ? 1.0 : 0.0) : double(matched) / predicted;
}
double MatchCounts::recall() const {
  return truth == 0 ? (predicted == 0 ? 1.0 : 0.0) : double(matched) / truth;
}
double MatchCounts::f1() const {
  double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Result<DocumentScore> ScoreDocument(const json& output, const json& truth,
                                    const std::string& name) {
  if (!Field(output, "projects").is_array())
    return Status::InvalidInput(name + ": output has no \"projects\" array");
  if (!Field(truth, "projects").is_array())
    return Status::InvalidInput(name + ": truth has no \"projects\" array");
  const json& tp = Field(truth, "projects");
  const json& op = Field(output, "projects");

  DocumentScore score;
  score.name = name;
  score.truth_projects = int(tp.size());
  score.output_projects = int(op.size());
  score.project_matches = MatchProjects(tp, op);
  score.matched_projects = int(score.project_matches.size());
  score.project_recall = Ratio(score.matched_projects, score.truth_projects);

  for (const json& p : tp) {
    score.indicators.truth += int(Array(p, "indicators").size());
    score.budget_lines.truth += int(Array(p, "budget_lines").size());
  }
  for (const json& p : op) {
    score.indicators.predicted += int(Array(p, "indicators").size());
    score.budget_lines.predicted += int(Array(p, "budget_lines").size());
  }
  for (const auto& [ti, oi] : score.project_matches) {
    const json& t = tp[ti];
    const json& o = op[oi];
    std::optional<int64_t> tt = Fen(Field(Field(t, "funds"), "total"));
    std::optional<int64_t> ot = Fen(Field(Field(o, "funds"), "total"));
    if (tt == ot) ++score.funds_total_exact;
    score.indicators.matched +=
        MatchIndicators(Array(t, "indicators"), Array(o, "indicators"));
    score.budget_lines.matched +=
        MatchBudgetLines(Array(t, "budget_lines"), Array(o, "budget_lines"),
                         &score.budget_fields_right);
  }
  score.funds_total_exact_rate = Ratio(score.funds_total_exact, score.truth_projects);
  ScoreChecks(truth, output, &score);
  return score;
}

Result<DocumentScore> ScoreFiles(const std::string& output_path,
                                 const std::string& truth_path, const std::string& name) {
  json docs[2];
  const std::string* paths[2] = {&output_path, &truth_path};
  for (int k = 0; k < 2; ++k) {
    std::ifstream in(*paths[k], std::ios::binary);
    if (!in) return Status::InvalidInput(*paths[k] + ": cannot read");
    std::stringstream text;
    text << in.rdbuf();
    docs[k] = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (docs[k].is_discarded()) return Status::InvalidInput(*paths[k] + ": not JSON");
  }
  return ScoreDocument(docs[0], docs[1], name);
}

std::string FormatScoreLine(const DocumentScore& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "score %s: projects %d/%d recall %.3f | funds.total exact %d/%d %.3f | "
                "indicators P %.2f R %.2f F1 %.3f | budget lines F1 %.3f "
                "(group, quantity, price right %d/%d) | "
                "checks agree %.2f (false mismatch %d, missed %d)",
                s.name.c_str(), s.matched_projects, s.truth_projects, s.project_recall,
                s.funds_total_exact, s.truth_projects, s.funds_total_exact_rate,
                s.indicators.precision(), s.indicators.recall(), s.indicators.f1(),
                s.budget_lines.f1(), s.budget_fields_right, s.budget_lines.matched,
                s.check_agreement, s.false_mismatches,
                s.missed_mismatches);
  return buf;
}

std::string FormatDisagreements(const DocumentScore& s) {
  std::string out;
  for (const CheckDisagreement& d : s.disagreements) {
    out += "  check " + d.scope + " " + d.rule + ": output " + d.output_status +
           ", truth " + d.truth_status;
    if (!d.output_detail.empty()) out += " | output: " + d.output_detail;
    if (!d.truth_detail.empty()) out += " | truth: " + d.truth_detail;
    out += "\n";
  }
  return out;
}

}  // namespace decltab::eval
