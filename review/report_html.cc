#include "review/report_html.h"

#include <cstdio>
#include <map>
#include <set>

#include "review/figures.h"
#include "review/html.h"
#include "review/report_style.h"

namespace decltab::review {
namespace {

std::string ConfText(float c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

std::string Percent(double part, double whole) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f%%", whole > 0 ? 100.0 * part / whole : 0.0);
  return buf;
}

std::string Where(const Source& s) {
  std::string out = s.page > 0 ? "p" + std::to_string(s.page) : "";
  if (!s.where.empty()) out += (out.empty() ? "" : " ") + s.where;
  return out;
}

std::string Stem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

int Severity(CheckStatus s) {
  return s == CheckStatus::kMismatch ? 0 : s == CheckStatus::kUnverifiable ? 1 : 2;
}

class Writer {
 public:
  Writer(const Declaration& d, const FigureImages& images, const ReportOptions& options)
      : d_(d), images_(images), options_(options), figures_(Figures(d)) {
    for (size_t i : ReviewQueue(figures_, options.review_below)) queue_.push_back(i);
    for (size_t i = 0; i < figures_.size(); ++i)
      by_field_[{figures_[i].project, figures_[i].field}] = i;
  }

  std::string Run() {
    std::string body;
    body += Header();
    body += Summary();
    body += NotOk();
    body += Queue();
    for (size_t p = 0; p < d_.projects.size(); ++p) body += ProjectSection(p);
    body += Corrections();
    std::string html;
    html += "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += "<title>decltab review: " + Escape(Title()) + "</title>\n";
    html += "<script>" + std::string(kReportHeadScript) + "</script>\n";
    html += "<style>" + std::string(kReportCss) + PageStyles() + "</style>\n</head>\n";
    html += "<body data-sha256=\"" + Escape(d_.sha256) + "\" data-file=\"" +
            Escape(d_.file) + "\" data-stem=\"" + Escape(Stem(d_.file)) + "\">\n<main>\n";
    html += body;
    html += "</main>\n" + PageViews();
    html += "<script>" + std::string(kReportScript) + "</script>\n</body>\n</html>\n";
    return html;
  }

 private:
  std::string Title() const {
    return d_.title && !d_.title->empty() ? *d_.title : Stem(d_.file);
  }

  std::string ConfClass(float c) const {
    if (c >= 0.9f) return "c-high";
    if (c >= options_.min_confidence) return "c-mid";
    return "c-low";
  }

  std::string Conf(float c) const {
    return "<span class=\"conf " + ConfClass(c) + "\" title=\"OCR confidence\">" +
           ConfText(c) + "</span>";
  }

  std::string Badge(CheckStatus s) const {
    return std::string("<span class=\"badge st-") + ToString(s) + "\">" + ToString(s) +
           "</span>";
  }

  std::string ProjectName(int project) const {
    if (project < 1 || project > static_cast<int>(d_.projects.size())) return "document";
    return d_.projects[project - 1].name;
  }

  // A link that opens the figure's whole page with its box outlined.
  std::string ViewId(size_t figure) {
    const Source& s = figures_[figure].source;
    if (s.box.empty() || images_.PageUri(s.page).empty()) return "";
    auto it = views_.find(figure);
    if (it != views_.end()) return it->second;
    std::string id = "view-" + std::to_string(views_.size() + 1);
    views_[figure] = id;
    pages_used_.insert(s.page);
    return id;
  }

  std::string CropImg(size_t figure, bool in_table) {
    const Figure& f = figures_[figure];
    std::string uri = images_.CropUri(f.source);
    if (uri.empty()) return "";
    std::string img = "<img class=\"crop\" src=\"" + uri + "\" alt=\"crop of " +
                      Escape(Where(f.source)) + "\" loading=\"eager\">";
    std::string view = ViewId(figure);
    if (view.empty()) return img;
    return "<a href=\"#" + view + "\" title=\"open page " + std::to_string(f.source.page) +
           (in_table ? "" : " with the cell outlined") + "\">" + img + "</a>";
  }

  std::string FixInput(size_t figure) const {
    const Figure& f = figures_[figure];
    return "<span class=\"fixbox\"><input class=\"fix\" data-project=\"" +
           std::to_string(f.project) + "\" data-project-name=\"" +
           Escape(ProjectName(f.project)) + "\" data-field=\"" + Escape(f.field) +
           "\" data-read=\"" + Escape(f.read) + "\" placeholder=\"corrected\" aria-label=\"" +
           "correct " + Escape(f.label) + "\"> <input class=\"fix-note\" placeholder=\"note\" "
           "aria-label=\"note\"></span>";
  }

  std::string FigureCard(size_t figure) {
    const Figure& f = figures_[figure];
    std::string out = "<figure class=\"fig\" data-field=\"" + Escape(f.field) + "\">";
    out += CropImg(figure, false);
    out += "<figcaption><b>" + Escape(f.label) + "</b> " + Escape(f.value) + " " +
           Conf(f.source.confidence) + "<br><span class=\"where\">" +
           Escape(Where(f.source));
    if (!f.source.raw.empty()) out += " · read '" + Escape(f.source.raw) + "'";
    out += "</span></figcaption></figure>";
    return out;
  }

  std::string Header() const {
    std::string out = "<header>\n<h1>" + Escape(Title()) + "</h1>\n<p class=\"muted\">" +
                      Escape(d_.file) + " · " + ToString(d_.kind) + " · " +
                      std::to_string(d_.page_count) + " pages · sha256 " +
                      Escape(d_.sha256.substr(0, 16)) + "…";
    if (!options_.json_path.empty()) out += " · from " + Escape(options_.json_path);
    out += "</p>\n</header>\n";
    return out;
  }

  std::vector<std::pair<int, const Check*>> AllChecks() const {
    std::vector<std::pair<int, const Check*>> out;
    for (const Check& c : d_.checks) out.push_back({0, &c});
    for (size_t p = 0; p < d_.projects.size(); ++p)
      for (const Check& c : d_.projects[p].checks)
        out.push_back({static_cast<int>(p + 1), &c});
    return out;
  }

  std::string Summary() const {
    int counts[3] = {0, 0, 0};
    for (const auto& [p, c] : AllChecks()) ++counts[static_cast<int>(c->status)];
    const int not_ok = counts[1] + counts[2];
    Fen sum;
    int with_total = 0;
    for (const Project& p : d_.projects)
      if (p.funds.total) {
        sum += p.funds.total->value;
        ++with_total;
      }
    std::string out = "<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"summary\">\n";
    out += "<tr><td>Projects</td><td>" +
           std::string(d_.stated_project_count
                           ? "stated " + std::to_string(*d_.stated_project_count)
                           : "none stated") +
           "; extracted " + std::to_string(d_.projects.size()) + "</td></tr>\n";
    out += "<tr><td>Total</td><td>" +
           std::string(d_.stated_total ? "stated " + GroupedYuan(d_.stated_total->value)
                                       : "none stated") +
           "; project totals sum to " + GroupedYuan(sum) + " (" +
           std::to_string(with_total) + " of " + std::to_string(d_.projects.size()) +
           " projects state one)</td></tr>\n";
    out += "<tr><td>Checks</td><td><span class=\"badge st-ok\">" +
           std::to_string(counts[0]) + " ok</span> <span class=\"badge st-mismatch\">" +
           std::to_string(counts[1]) + " mismatch</span> <span class=\"badge st-unverifiable\">" +
           std::to_string(counts[2]) + " unverifiable</span></td></tr>\n";
    out += "<tr><td>Not ok</td><td><a href=\"#not-ok\"><strong id=\"not-ok-count\" data-count=\"" +
           std::to_string(not_ok) + "\">" + std::to_string(not_ok) + " checks not ok</strong></a></td></tr>\n";
    char below[16];
    std::snprintf(below, sizeof below, "%.2f", options_.review_below);
    out += "<tr><td>Review queue</td><td><a href=\"#queue\"><span id=\"queue-count\">" +
           std::to_string(queue_.size()) + "</span> values read with confidence below " +
           below + "</a></td></tr>\n";
    if (!d_.corrections.empty())
      out += "<tr><td>Corrections</td><td><a href=\"#corrections\">" +
             std::to_string(d_.corrections.size()) + " applied</a></td></tr>\n";
    out += "</table>\n<nav class=\"noprint\">";
    for (size_t p = 0; p < d_.projects.size(); ++p)
      out += "<a href=\"#project-" + std::to_string(p + 1) + "\">" + std::to_string(p + 1) +
             ". " + Escape(d_.projects[p].name) + "</a> ";
    out += "</nav>\n</section>\n";
    return out;
  }

  std::string CheckBlock(int project, const Check& check, bool with_figures) {
    std::string out = std::string("<div class=\"check ") + ToString(check.status) +
                      "\" data-rule=\"" + Escape(check.rule) + "\" data-project=\"" +
                      Escape(ProjectName(project)) + "\">\n<h3>" + Badge(check.status) + " " +
                      Escape(ProjectName(project)) + " · <code>" + Escape(check.rule) +
                      "</code></h3>\n";
    std::string words = CheckInWords(check);
    if (!words.empty()) out += "<p class=\"words\">" + Escape(words) + "</p>\n";
    out += "<p class=\"detail\">" + Escape(check.detail) + "</p>\n";
    if (with_figures) {
      std::vector<size_t> figs = CheckFigures(d_, project, check, figures_);
      if (!figs.empty()) {
        out += "<div class=\"figs\">";
        for (size_t f : figs) out += FigureCard(f);
        out += "</div>\n";
      }
    }
    out += "</div>\n";
    return out;
  }

  std::string NotOk() {
    std::vector<std::pair<int, const Check*>> checks;
    for (const auto& pc : AllChecks())
      if (pc.second->status != CheckStatus::kOk) checks.push_back(pc);
    std::stable_sort(checks.begin(), checks.end(), [](const auto& a, const auto& b) {
      return Severity(a.second->status) < Severity(b.second->status);
    });
    std::string out = "<section id=\"not-ok\">\n<h2>Checks that are not ok (" +
                      std::to_string(checks.size()) + ")</h2>\n";
    if (checks.empty()) out += "<p>Every check holds.</p>\n";
    for (const auto& [p, c] : checks) out += CheckBlock(p, *c, true);
    out += "</section>\n";
    return out;
  }

  std::string Queue() {
    char below[16];
    std::snprintf(below, sizeof below, "%.2f", options_.review_below);
    std::string out = "<section id=\"queue\">\n<h2>Review queue: " +
                      std::to_string(queue_.size()) + " values read below confidence " +
                      below + ", most doubtful first</h2>\n";
    if (queue_.empty()) {
      out += "<p>No value was read below the threshold.</p>\n</section>\n";
      return out;
    }
    out += "<div class=\"scroll\"><table>\n<tr><th>conf</th><th>project</th><th>value</th>"
           "<th>read</th><th>image</th><th class=\"noprint\">correction</th></tr>\n";
    for (size_t i : queue_) {
      const Figure& f = figures_[i];
      out += "<tr class=\"" + ConfClass(f.source.confidence) + "\" data-field=\"" +
             Escape(f.field) + "\"><td class=\"num\">" + Conf(f.source.confidence) +
             "</td><td>" + Escape(ProjectName(f.project)) + "</td><td><b>" +
             Escape(f.label) + "</b><br>" + Escape(f.value) + "</td><td>'" +
             Escape(f.source.raw) + "'<br><span class=\"where\">" + Escape(Where(f.source)) +
             "</span></td><td>" + CropImg(i, true) + "</td><td class=\"noprint\">" +
             FixInput(i) + "</td></tr>\n";
    }
    out += "</table></div>\n</section>\n";
    return out;
  }

  // A table row of a figure's value, confidence, place and correction input.
  std::string ValueCells(int project, const std::string& field) {
    auto it = by_field_.find({project, field});
    if (it == by_field_.end()) return "<td></td><td></td><td></td><td class=\"noprint\"></td>";
    const Figure& f = figures_[it->second];
    std::string view = ViewId(it->second);
    std::string where = Escape(Where(f.source));
    if (!view.empty()) where = "<a href=\"#" + view + "\">" + where + "</a>";
    return "<td class=\"num\">" + Escape(f.value) + "</td><td class=\"num\">" +
           Conf(f.source.confidence) + "</td><td class=\"where\">" + where +
           "</td><td class=\"noprint\">" + FixInput(it->second) + "</td>";
  }

  std::string RowClass(int project, const std::string& field) const {
    auto it = by_field_.find({project, field});
    if (it == by_field_.end()) return "";
    return " class=\"" + ConfClass(figures_[it->second].source.confidence) + "\"";
  }

  std::string ProjectSection(size_t index) {
    const Project& p = d_.projects[index];
    const int n = static_cast<int>(index + 1);
    std::string out = "<section class=\"project\" id=\"project-" + std::to_string(n) +
                      "\">\n<h2>" + std::to_string(n) + ". " + Escape(p.name) + "</h2>\n";
    out += "<dl class=\"header\">";
    auto field = [&](const char* label, const std::optional<std::string>& v) {
      if (v && !v->empty())
        out += std::string("<dt>") + label + "</dt><dd>" + Escape(*v) + "</dd>";
    };
    std::string pages;
    for (int page : p.pages) pages += (pages.empty() ? "" : ", ") + std::to_string(page);
    field("pages", pages);
    if (!p.heading_name.empty() && p.heading_name != p.name) field("heading name", p.heading_name);
    field("category 项目类别", p.category);
    field("department 主管部门", p.department);
    field("implementer 实施单位", p.implementer);
    field("start 开始", p.start_date);
    field("end 结束", p.end_date);
    field("overall goal 总目标", p.overall_goal);
    field("annual goal 年度目标", p.annual_goal);
    for (const std::string& w : p.warnings) field("warning", w);
    out += "</dl>\n";

    std::vector<const Check*> checks;
    for (const Check& c : p.checks) checks.push_back(&c);
    std::stable_sort(checks.begin(), checks.end(), [](const Check* a, const Check* b) {
      return Severity(a->status) < Severity(b->status);
    });
    out += "<h3>Checks</h3>\n";
    for (const Check* c : checks) out += CheckBlock(n, *c, false);

    out += "<h3>Funds</h3>\n<div class=\"scroll\"><table>\n<tr><th>field</th><th>元</th>"
           "<th>conf</th><th>where</th><th class=\"noprint\">correction</th></tr>\n";
    for (const char* name :
         {"total", "annual_request", "appropriation", "fiscal", "carryover", "other"}) {
      std::string key = std::string("funds.") + name;
      if (by_field_.count({n, key}) == 0) continue;
      out += "<tr" + RowClass(n, key) + "><td>" + key + "</td>" + ValueCells(n, key) +
             "</tr>\n";
    }
    for (size_t i = 0; i < p.stated_budget_totals.size(); ++i) {
      std::string key = "stated_budget_totals[" + std::to_string(i + 1) + "]";
      out += "<tr" + RowClass(n, key) + "><td>budget total " + std::to_string(i + 1) +
             "</td>" + ValueCells(n, key) + "</tr>\n";
    }
    out += "</table></div>\n";

    out += "<h3>Budget lines (" + std::to_string(p.budget_lines.size()) +
           ")</h3>\n<div class=\"scroll\"><table>\n<tr><th>#</th><th>group</th><th>item</th>"
           "<th>quantity</th><th>unit price</th><th>amount</th><th>conf</th><th>where</th>"
           "<th class=\"noprint\">correction</th></tr>\n";
    for (size_t i = 0; i < p.budget_lines.size(); ++i) {
      const BudgetLine& l = p.budget_lines[i];
      std::string key = "budget_lines[" + std::to_string(i + 1) + "].amount";
      std::string qty = l.quantity ? l.quantity->ToString() : "";
      if (l.quantity && l.unit) qty += " " + *l.unit;
      out += "<tr" + RowClass(n, key) + "><td class=\"num\">" + std::to_string(i + 1) +
             "</td><td>" + Escape(l.group.value_or("")) + "</td><td>" + Escape(l.item) +
             "<br><span class=\"where\">" + Escape(l.raw) + "</span></td><td class=\"num\">" +
             Escape(qty) + "</td><td class=\"num\">" +
             (l.unit_price ? GroupedYuan(*l.unit_price) : "") + "</td>" +
             ValueCells(n, key) + "</tr>\n";
    }
    out += "</table></div>\n";

    out += "<h3>Indicators (" + std::to_string(p.indicators.size()) +
           ")</h3>\n<div class=\"scroll\"><table>\n<tr><th>#</th><th>一级</th><th>二级</th>"
           "<th>三级</th><th>target</th><th>conf</th><th>where</th>"
           "<th class=\"noprint\">correction</th></tr>\n";
    for (size_t i = 0; i < p.indicators.size(); ++i) {
      const Indicator& ind = p.indicators[i];
      std::string key = "indicators[" + std::to_string(i + 1) + "].target";
      out += "<tr" + RowClass(n, key) + "><td class=\"num\">" + std::to_string(i + 1) +
             "</td><td>" + Escape(ind.level1) + "</td><td>" + Escape(ind.level2) +
             "</td><td>" + Escape(ind.level3) + "</td>" + ValueCells(n, key) + "</tr>\n";
    }
    out += "</table></div>\n</section>\n";
    return out;
  }

  std::string Corrections() const {
    std::string out = "<section id=\"corrections\">\n<h2>Corrections</h2>\n";
    if (!d_.corrections.empty()) {
      out += "<div class=\"scroll\"><table>\n<tr><th>project</th><th>field</th><th>read</th>"
             "<th>corrected</th><th>who</th><th>when</th><th>note</th></tr>\n";
      for (const Correction& c : d_.corrections)
        out += "<tr><td>" + Escape(ProjectName(c.project)) + "</td><td>" + Escape(c.field) +
               "</td><td>" + Escape(c.read) + "</td><td>" + Escape(c.corrected) +
               "</td><td>" + Escape(c.who) + "</td><td>" + Escape(c.when) + "</td><td>" +
               Escape(c.note) + "</td></tr>\n";
      out += "</table></div>\n";
    }
    out += "<p class=\"noprint\">Type corrected values in the inputs above, then download "
           "them as a corrections file for <code>decltab correct</code>.<br>Reviewer: "
           "<input id=\"reviewer\" placeholder=\"your name\"> <button id=\"download\" "
           "type=\"button\">Download corrections (<span id=\"fix-count\">0</span>)</button></p>\n";
    out += "</section>\n";
    return out;
  }

  // One background image per page shown, defined once in the stylesheet.
  std::string PageStyles() {
    // Views are created while the body is written, so this runs after it.
    std::string css;
    for (int page : pages_used_)
      css += ".pg-" + std::to_string(page) + "{background-image:url(\"" +
             images_.PageUri(page) + "\")}\n";
    return css;
  }

  std::string PageViews() const {
    std::string out;
    for (const auto& [figure, id] : views_) {
      const Figure& f = figures_[figure];
      const Source& s = f.source;
      PageFrame frame = images_.Frame(s.page);
      if (frame.width <= 0 || frame.height <= 0) continue;
      double scale = s.dpi > 0 && frame.dpi > 0 ? static_cast<double>(frame.dpi) / s.dpi : 1.0;
      out += "<div class=\"pageview\" id=\"" + id + "\"><div class=\"bar\">" +
             Escape(ProjectName(f.project)) + " · " + Escape(f.label) + " · " +
             Escape(Where(s)) + " <a href=\"#not-ok\">close ×</a></div><div class=\"page pg-" +
             std::to_string(s.page) + "\" style=\"aspect-ratio:" + std::to_string(frame.width) +
             "/" + std::to_string(frame.height) + "\"><div class=\"outline\" style=\"left:" +
             Percent(s.box.x * scale, frame.width) + ";top:" +
             Percent(s.box.y * scale, frame.height) + ";width:" +
             Percent(s.box.width * scale, frame.width) + ";height:" +
             Percent(s.box.height * scale, frame.height) + "\"></div></div></div>\n";
    }
    return out;
  }

  const Declaration& d_;
  const FigureImages& images_;
  const ReportOptions& options_;
  std::vector<Figure> figures_;
  std::vector<size_t> queue_;
  std::map<std::pair<int, std::string>, size_t> by_field_;
  std::map<size_t, std::string> views_;
  std::set<int> pages_used_;
};

}  // namespace

std::vector<Source> SourcesToShow(const Declaration& declaration,
                                  const ReportOptions& options) {
  std::vector<Figure> figures = Figures(declaration);
  std::set<size_t> wanted;
  for (size_t i : ReviewQueue(figures, options.review_below)) wanted.insert(i);
  auto add_check = [&](int project, const Check& c) {
    if (c.status == CheckStatus::kOk) return;
    for (size_t i : CheckFigures(declaration, project, c, figures)) wanted.insert(i);
  };
  for (const Check& c : declaration.checks) add_check(0, c);
  for (size_t p = 0; p < declaration.projects.size(); ++p)
    for (const Check& c : declaration.projects[p].checks)
      add_check(static_cast<int>(p + 1), c);
  std::vector<Source> out;
  for (size_t i : wanted) out.push_back(figures[i].source);
  return out;
}

std::string RenderReportHtml(const Declaration& declaration, const FigureImages& images,
                             const ReportOptions& options) {
  return Writer(declaration, images, options).Run();
}

}  // namespace decltab::review
