#include "tools/render/declaration_renderer.h"

#include <cstdio>
#include <memory>

#include "tools/render/form_labels.h"
#include "tools/render/form_table.h"
#include "tools/render/page_writer.h"
#include "tools/render/render_style.h"

namespace decltab::render {
namespace {

// Sizes relative to the body size (五号/小四): titles 二号-ish, project
// headings a little larger than body, section headings body size in Hei.
constexpr double kTitleScale = 1.6;
constexpr double kProjectHeadingScale = 1.15;
constexpr double kFormTitleScale = 1.3;
constexpr double kCellPadX = 3, kCellPadY = 3;
// Lines of body text that must follow a heading on the same page.
constexpr double kLinesAfterHeading = 3;

// Removes ASCII whitespace and U+3000 so raw texts match prose regardless of
// spacing.
std::string StripSpaces(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    if (c == 0xE3 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

class PassRenderer {
 public:
  PassRenderer(const DeclarationSpec& spec, const RenderStyle& style,
               const FormLabels& labels)
      : spec_(spec),
        style_(style),
        labels_(labels),
        jitter_(style.column_seed) {
    body_ = {Face::kSong, style.body_size, false};
    section_ = {Face::kHei, style.body_size, false};
    project_heading_ = {Face::kHei, style.body_size * kProjectHeadingScale,
                        true};
    title_ = {Face::kHei, style.body_size * kTitleScale, false};
    form_title_ = {Face::kHei, style.body_size * kFormTitleScale, false};
    table_.text = {style.table_text_hei ? Face::kHei : Face::kSong,
                   style.table_size, false};
    table_.pad_x = kCellPadX;
    table_.pad_y = kCellPadY;
    table_.line_width = style.line_width;
    metrics_ = {style.text_width(), style.table_size, kCellPadX};
  }

  // Draws the whole document into `path` ("" = count only).
  Result<RenderReport> Run(const std::string& path, int total_pages) {
    std::string title;
    for (const std::string& line : spec_.title_lines) title += line;
    Result<std::unique_ptr<PageWriter>> writer =
        PageWriter::Open(path, style_, total_pages, title);
    if (!writer.ok()) return writer.status();
    w_ = writer.value().get();

    RenderReport report;
    for (const std::string& line : spec_.title_lines) {
      w_->CenteredText(line, title_);
      w_->Skip(0.3 * title_.size);
    }
    w_->Skip(style_.body_size);
    Heading(spec_.preamble_heading, section_);
    for (const std::string& p : spec_.preamble) Body(p);
    for (size_t i = 0; i < spec_.projects.size(); ++i) {
      if (i > 0 && style_.project_starts_page && !w_->PageEmpty())
        w_->NewPage();
      report.projects.push_back(Project(spec_.projects[i]));
    }
    Status closed = w_->Close();
    report.page_count = w_->page();
    report.page_width = style_.page_width;
    report.page_height = style_.page_height;
    report.cells = w_->drawn_cells();
    w_ = nullptr;
    if (!closed.ok()) return closed;
    return report;
  }

 private:
  void Heading(const std::string& text, const TextStyle& style) {
    if (text.empty()) return;
    w_->Skip(0.5 * style.size);
    w_->KeepRoom(w_->TextHeight(text, style) +
                 kLinesAfterHeading * body_.size * 1.5);
    w_->LeftText(text, style);
    w_->Skip(0.3 * style.size);
  }

  int Body(const std::string& text) {
    int page = w_->Paragraph(text, body_, /*indent_chars=*/2);
    w_->Skip(0.3 * body_.size);
    return page;
  }

  ProjectPlacement Project(const ProjectSpec& p) {
    ProjectPlacement placed;
    w_->Skip(body_.size);
    w_->KeepRoom(w_->TextHeight(p.heading, project_heading_) +
                 kLinesAfterHeading * body_.size * 1.5);
    placed.first_page = w_->LeftText(p.heading, project_heading_);
    w_->Skip(0.4 * body_.size);
    for (const SectionSpec& s : p.sections) {
      Heading(s.heading, section_);
      for (const std::string& para : s.paragraphs) Body(para);
    }

    Heading(p.budget_heading, section_);
    std::vector<BudgetSlot> slots;
    for (const BudgetBlock& block : p.budget_blocks) {
      if (block.type == BudgetBlock::Type::kProse) {
        slots.push_back({true, block.text, Body(block.text)});
        continue;
      }
      RuledTable table = BuildBudgetTable(block.table, metrics_, &jitter_);
      std::vector<std::vector<int>> pages = w_->Table(table, table_);
      for (int r = 0; r < static_cast<int>(block.table.rows.size()); ++r)
        if (IsBudgetLineRow(block.table, r))
          slots.push_back({false, "", pages[0][r]});
      w_->Skip(0.6 * body_.size);
    }
    placed.budget_line_pages = AssignBudgetLinePages(p.budget_line_raws, slots);

    Heading(p.goals_heading, section_);
    // The form's titles stay with its first rows.
    const double row = table_.text.size * 1.5 + 2 * kCellPadY;
    double title_height = 3 * row;
    if (!spec_.form_title.empty())
      title_height += w_->TextHeight(spec_.form_title, form_title_);
    if (!spec_.form_year_line.empty())
      title_height += w_->TextHeight(spec_.form_year_line, body_);
    w_->KeepRoom(title_height);
    if (!spec_.form_title.empty())
      w_->CenteredText(spec_.form_title, form_title_);
    if (!spec_.form_year_line.empty())
      w_->CenteredText(spec_.form_year_line, body_);
    w_->Skip(0.5 * body_.size);

    FormRows rows;
    RuledTable form = BuildFormTable(p, labels_, metrics_, &jitter_, &rows);
    std::vector<std::vector<int>> pages = w_->Table(form, table_);
    for (size_t k = 0; k < p.indicators.size(); ++k)
      placed.indicator_pages.push_back(
          pages[rows.indicator_band][rows.first_indicator_row + k]);
    placed.last_page = pages.back().empty() ? w_->page() : pages.back().back();
    return placed;
  }

  const DeclarationSpec& spec_;
  const RenderStyle& style_;
  const FormLabels& labels_;
  Jitter jitter_;
  PageWriter* w_ = nullptr;  // the open writer during Run()
  TextStyle body_, section_, project_heading_, title_, form_title_;
  TableStyle table_;
  TableMetrics metrics_;
};

}  // namespace

std::vector<int> AssignBudgetLinePages(
    const std::vector<std::string>& line_raws,
    const std::vector<BudgetSlot>& slots) {
  const size_t n = line_raws.size();
  std::vector<int> pages(n, 0);
  size_t next = 0;
  for (size_t s = 0; s < slots.size() && next < n; ++s) {
    const BudgetSlot& slot = slots[s];
    if (!slot.prose) {
      pages[next++] = slot.page;
      continue;
    }
    const std::string text = StripSpaces(slot.text);
    while (next < n) {
      const std::string raw = StripSpaces(line_raws[next]);
      if (raw.empty() || text.find(raw) == std::string::npos) break;
      pages[next++] = slot.page;
    }
    size_t later_rows = 0;
    bool later_prose = false;
    for (size_t t = s + 1; t < slots.size(); ++t) {
      if (slots[t].prose)
        later_prose = true;
      else
        ++later_rows;
    }
    // The last prose block also holds the lines no table row is left for,
    // even when their raw text is not a verbatim part of the prose.
    if (!later_prose)
      while (next < n && n - next > later_rows) pages[next++] = slot.page;
  }
  return pages;
}

Result<RenderReport> RenderDeclarationPdf(const DeclarationSpec& spec,
                                          const RenderOptions& options,
                                          const std::string& pdf_path) {
  Result<FormLabels> labels = LabelsForTemplate(spec.template_name);
  if (!labels.ok()) return labels.status();
  const RenderStyle style = StyleFromSeed(options.seed);

  // Footers print the page total, so count pages in a first pass; the
  // footer sits in the bottom margin and does not move anything else.
  Result<RenderReport> counted = PassRenderer(spec, style, *labels).Run("", 0);
  if (!counted.ok()) return counted.status();

  const std::string temp_path = pdf_path + ".tmp";
  Result<RenderReport> drawn =
      PassRenderer(spec, style, *labels).Run(temp_path, counted->page_count);
  if (!drawn.ok()) {
    std::remove(temp_path.c_str());
    return drawn.status();
  }
  if (drawn->page_count != counted->page_count) {
    std::remove(temp_path.c_str());
    return Status::Internal("page count changed between passes");
  }
  if (std::rename(temp_path.c_str(), pdf_path.c_str()) != 0) {
    std::remove(temp_path.c_str());
    return Status::Internal(pdf_path +
                            ": cannot move the rendered PDF into place");
  }
  return drawn;
}

nlohmann::ordered_json FillTruthPages(const nlohmann::ordered_json& truth,
                                      const RenderReport& report) {
  using Json = nlohmann::ordered_json;
  Json out = truth;
  if (!out.is_object()) return out;
  if (!out.contains("source") || !out["source"].is_object())
    out["source"] = Json::object();
  out["source"]["pages"] = report.page_count;

  auto page_value = [](int page) {
    return page > 0 ? Json(page) : Json(nullptr);
  };
  if (!out.contains("projects") || !out["projects"].is_array()) return out;
  Json& projects = out["projects"];
  for (size_t i = 0; i < projects.size() && i < report.projects.size(); ++i) {
    Json& p = projects[i];
    if (!p.is_object()) continue;
    const ProjectPlacement& placed = report.projects[i];
    Json pages = Json::array();
    for (int page = placed.first_page; page > 0 && page <= placed.last_page;
         ++page)
      pages.push_back(page);
    p["pages"] = pages;
    const struct {
      const char* key;
      const std::vector<int>* pages;
    } kLists[] = {{"budget_lines", &placed.budget_line_pages},
                  {"indicators", &placed.indicator_pages}};
    for (const auto& list : kLists) {
      if (!p.contains(list.key) || !p[list.key].is_array()) continue;
      Json& items = p[list.key];
      for (size_t k = 0; k < items.size() && k < list.pages->size(); ++k)
        if (items[k].is_object())
          items[k]["page"] = page_value((*list.pages)[k]);
    }
  }
  return out;
}

}  // namespace decltab::render
