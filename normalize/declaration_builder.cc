#include "normalize/declaration_builder.h"

#include <algorithm>
#include <regex>
#include <set>

#include "normalize/amount.h"
#include "normalize/budget_reader.h"
#include "normalize/form_reader.h"
#include "normalize/paragraphs.h"
#include "normalize/headings.h"
#include "normalize/indicator_reader.h"
#include "normalize/money_units.h"
#include "normalize/table_text.h"
#include "normalize/text.h"

namespace decltab::normalize {
namespace {

// One page element in reading order.
struct Element {
  int y = 0, x = 0;
  int block = -1;  // index into the page's paragraphs
  const Table* table = nullptr;
  int table_no = 0;  // 1-based on its page
};

std::vector<Element> ReadingOrder(const PageLayout& page,
                                  const std::vector<TextBlock>& blocks) {
  std::vector<Element> out;
  for (size_t i = 0; i < blocks.size(); ++i)
    out.push_back({blocks[i].box.y, blocks[i].box.x, static_cast<int>(i), nullptr, 0});
  for (size_t i = 0; i < page.tables.size(); ++i)
    out.push_back({page.tables[i].box.y, page.tables[i].box.x, -1,
                   &page.tables[i], static_cast<int>(i) + 1});
  std::stable_sort(out.begin(), out.end(),
                   [](const Element& a, const Element& b) {
                     if (a.y != b.y) return a.y < b.y;
                     return a.x < b.x;
                   });
  return out;
}

// Ends with punctuation that closes a sentence (。;!?) or opens a list (:).
bool ClosesSentence(const std::string& folded) {
  for (const char* end : {"。", ";", "；", "!", "！", "?", "？", ":", "："})
    if (EndsWith(folded, end)) return true;
  return false;
}

enum class Section { kNone, kBudget, kAfterBudget };

enum class LineKind { kTable, kProse, kProseTotalLike };

struct PendingLine {
  BudgetLine line;
  LineKind kind;
};

struct OpenProject {
  Project project;
  bool has_form = false;
  Section section = Section::kNone;
  std::optional<std::string> caption;  // caption block right above a table
  // Open at the end of the last budget table, and the header it was read with.
  std::optional<std::string> last_group;
  std::vector<std::string> last_header;
  std::optional<Fen> unit_note;
  std::vector<std::string> prose;  // text before the budget heading
  std::vector<PendingLine> lines;
  std::vector<Fen> table_figures;  // each table's stated totals and line sum
  bool has_table = false;
};

// A heading's name and its form's 项目名称 name one project when one opens
// the other or they are as similar as a label read by OCR.
bool NamesAgree(const std::string& a, const std::string& b,
                double min_similarity) {
  std::string x = FoldCompact(a), y = FoldCompact(b);
  if (x == y || StartsWith(x, y) || StartsWith(y, x)) return true;
  return LabelSimilarity(x, y) >= min_similarity;
}

// The rows of `t` above `row`, as a table of their own.
Table RowsAbove(const Table& t, int row) {
  Table top;
  top.rows = row;
  top.cols = t.cols;
  top.open_top = t.open_top;
  if (static_cast<int>(t.row_lines.size()) > row)
    top.row_lines.assign(t.row_lines.begin(), t.row_lines.begin() + row + 1);
  top.col_lines = t.col_lines;
  top.box = t.box;
  if (!top.row_lines.empty()) top.box.height = top.row_lines.back() - t.box.y;
  for (const Cell& c : t.cells)
    if (c.row < row) {
      top.cells.push_back(c);
      top.cells.back().rowspan = std::min(c.rowspan, row - c.row);
    }
  return top;
}

class Builder {
 public:
  Builder(const DocumentLayout& layout, const BuildOptions& options)
      : layout_(layout),
        options_(options),
        indicators_(options.label_similarity, options.column_tolerance) {}

  Declaration Run() {
    decl_.file = layout_.file;
    decl_.sha256 = layout_.sha256;
    decl_.page_count = layout_.page_count > 0
                           ? layout_.page_count
                           : static_cast<int>(layout_.pages.size());
    int text_pages = 0;
    for (const PageLayout& page : layout_.pages)
      if (page.source == PageSource::kTextLayer) ++text_pages;
    decl_.kind = text_pages == 0 ? SourceKind::kScanned
                 : text_pages == static_cast<int>(layout_.pages.size())
                     ? SourceKind::kDigital
                     : SourceKind::kMixed;
    for (const PageLayout& page : layout_.pages) {
      if (decl_.dpi == 0) decl_.dpi = page.dpi;
      if (page.page_number < 1) continue;
      if (decl_.page_skew_degrees.size() < static_cast<size_t>(page.page_number))
        decl_.page_skew_degrees.resize(page.page_number, 0.0);
      decl_.page_skew_degrees[page.page_number - 1] = page.skew_degrees;
    }
    bool first_page = true;
    for (const PageLayout& page : layout_.pages) {
      std::vector<ParagraphEdges> edges;
      const std::vector<TextBlock> paragraphs = JoinParagraphs(page, &edges);
      page_started_ = false;
      for (const Element& e : ReadingOrder(page, paragraphs)) {
        if (e.block >= 0) {
          OnBlock(page, paragraphs[e.block], edges[e.block], first_page);
        } else {
          page_started_ = true;
          FlushCutText();
          OnTable(page, *e.table, e.table_no);
        }
      }
      first_page = false;
      title_open_ = false;
    }
    FlushCutText();
    Finish();
    if (!title_parts_.empty()) {
      std::string joined;
      for (const std::string& p : title_parts_) joined += p + " ";
      decl_.title = FoldText(joined);
    }
    return std::move(decl_);
  }

 private:
  // Text whose sentence a page break may have cut: the page's last
  // paragraph ran to the right margin without closing its sentence.
  struct CutText {
    std::string text;
    Source src;
    bool first_page = false;
  };

  void OnBlock(const PageLayout& page, const TextBlock& block,
               const ParagraphEdges& edges, bool first_page) {
    std::string text = FoldText(block.text);
    if (IsPageFooter(text)) return;
    const bool first_on_page = !page_started_;
    page_started_ = true;
    Source src;
    src.page = page.page_number;
    src.where = "text";
    src.confidence = block.confidence;
    src.box = block.box;
    src.dpi = page.dpi;
    if (cut_) {
      // It goes on in the next page's first paragraph when that starts at
      // the left margin and is no heading.
      if (first_on_page && cut_->src.page + 1 == page.page_number &&
          edges.flush_left && !MatchProjectHeading(text) && !LooksLikeHeading(text)) {
        text = cut_->text + text;
        src.page = cut_->src.page;  // where it starts
        src.confidence = std::min(src.confidence, cut_->src.confidence);
        first_page = cut_->first_page;
        cut_.reset();
        if (cur_) Touch(page.page_number);
      } else {
        FlushCutText();
      }
    }
    src.raw = text;
    if (edges.runs_on && !ClosesSentence(text) && !MatchProjectHeading(text)) {
      cut_ = CutText{text, src, first_page};
      return;
    }
    OnText(text, src, first_page);
  }

  void FlushCutText() {
    if (!cut_) return;
    CutText cut = std::move(*cut_);
    cut_.reset();
    OnText(cut.text, cut.src, cut.first_page);
  }

  void OnText(const std::string& text, const Source& src, bool first_page) {
    if (std::optional<std::string> name = MatchProjectHeading(text)) {
      StartProject(*name);
      Touch(src.page);
      return;
    }
    if (!cur_) {
      OnPreamble(text, src, first_page);
      return;
    }
    Touch(src.page);
    OnProjectText(text, src);
  }

  void OnProjectText(const std::string& text, const Source& src) {
    if (cur_->section == Section::kBudget) {
      std::string before;
      if (FindGoalsHeading(text, &before)) {
        if (!before.empty()) OnBudgetText(before, src);
        cur_->section = Section::kAfterBudget;
        return;
      }
      OnBudgetText(text, src);
      return;
    }
    std::string rest;
    if (cur_->section == Section::kNone && FindBudgetHeading(text, &rest)) {
      cur_->section = Section::kBudget;
      indicators_.Close();
      if (!rest.empty()) OnProjectText(rest, src);
      return;
    }
    std::string before;
    if (FindGoalsHeading(text, &before)) {
      cur_->section = Section::kAfterBudget;
    } else if (cur_->section == Section::kNone) {
      cur_->prose.push_back(text);
    }
  }

  void OnBudgetText(const std::string& text, const Source& src) {
    if (std::optional<Fen> unit = UnitNote(text)) cur_->unit_note = unit;
    if (IsBudgetCaption(text)) {
      if (!UnitNote(text)) cur_->caption = text;
      return;
    }
    cur_->caption.reset();
    BudgetRead read = ReadBudgetProse(text, src);
    for (BudgetLine& l : read.lines)
      cur_->lines.push_back({std::move(l), LineKind::kProse});
    for (BudgetLine& l : read.total_candidates)
      cur_->lines.push_back({std::move(l), LineKind::kProseTotalLike});
    for (StatedAmount& t : read.totals)
      cur_->project.stated_budget_totals.push_back(std::move(t));
    for (const std::string& w : read.warnings)
      cur_->project.warnings.push_back("page " + std::to_string(src.page) +
                                       ": " + w);
  }

  void OnPreamble(const std::string& text, const Source& src, bool first_page) {
    if (title_open_ && first_page) {
      bool sentence = EndsWith(text, "。") ||
                      text.find(',') != std::string::npos ||
                      CodePointCount(text) > 40;
      if (sentence || LooksLikeHeading(text)) {
        title_open_ = false;
      } else {
        title_parts_.push_back(text);
      }
    }
    // "…项目共5个,涉及项目预算资金1234.50万元"
    static const std::regex kCount("共(计)?(\\d{1,6})(个|项)");
    static const std::regex kTotal(
        "资金(总额|合计|共计|总计|共|为|计)?(\\d[\\d,]*(\\.\\d+)?)(" +
        MoneyUnitAlternation() + ")");
    std::string compact = FoldCompact(text);
    std::smatch m;
    if (!decl_.stated_project_count && std::regex_search(compact, m, kCount))
      decl_.stated_project_count = std::stoi(m[2].str());
    if (!decl_.stated_total && std::regex_search(compact, m, kTotal)) {
      Result<StatedAmount> a = ParseAmount(m[2].str() + m[4].str());
      if (a.ok()) {
        StatedAmount total = std::move(a).value();
        total.source = src;
        decl_.stated_total = total;
      }
    }
  }

  void OnTable(const PageLayout& page, const Table& table, int table_no) {
    title_open_ = false;
    TableContext ctx{page.page_number, table_no, page.width, page.dpi};
    std::string here = "page " + std::to_string(page.page_number) + ": table " +
                       std::to_string(table_no);
    std::optional<IndicatorColumns> ind =
        FindIndicatorHeader(table, options_.label_similarity);
    const bool continued_form =
        cur_ && cur_->has_form && IsFormContinuation(table, options_.label_similarity);
    if (continued_form || IsFormTable(table, options_.label_similarity)) {
      // Rows above the form's first label: a budget table the grid joined to
      // the form (its ruling lines touch).
      const std::optional<int> name_row =
          continued_form ? std::nullopt : FormNameRow(table, options_.label_similarity);
      if (name_row && *name_row > 0 && cur_ && !cur_->has_form &&
          cur_->section != Section::kAfterBudget)
        OnBudgetTable(page, RowsAbove(table, *name_row), ctx);
      if (!continued_form && (!cur_ || cur_->has_form)) StartProject("");
      Touch(page.page_number);
      FormHeader form =
          ReadFormHeader(table, ctx, ind ? ind->header_row : table.rows,
                         options_.label_similarity);
      ApplyForm(form, here);
      cur_->has_form = true;
      cur_->section = Section::kAfterBudget;
      if (ind)
        indicators_.Read(table, ctx, *ind, &cur_->project.indicators);
      else
        indicators_.Close();
      TakeIndicatorWarnings(page.page_number);
      return;
    }
    if (ind) {
      if (!cur_) StartProject("");
      Touch(page.page_number);
      // A header grid above the indicators without a 项目名称 label this
      // reader knows: a template of other labels. What labels it knows are
      // read; the others are named, so the template can be added.
      if (ind->header_row > 0) {
        FormHeader form = ReadFormHeader(table, ctx, ind->header_row,
                                         options_.label_similarity);
        ApplyForm(form, here);
        for (const std::string& label : form.unknown_labels)
          cur_->project.warnings.push_back(
              "page " + std::to_string(page.page_number) + ": " + label +
              ": a form label decltab does not know");
      }
      cur_->section = Section::kAfterBudget;
      indicators_.Read(table, ctx, *ind, &cur_->project.indicators);
      TakeIndicatorWarnings(page.page_number);
      return;
    }
    if (cur_ && indicators_.open() &&
        indicators_.Continue(table, ctx, &cur_->project.indicators)) {
      Touch(page.page_number);
      TakeIndicatorWarnings(page.page_number);
      return;
    }
    if (cur_ && (cur_->section == Section::kBudget ||
                 (cur_->section == Section::kNone && !cur_->has_form))) {
      OnBudgetTable(page, table, ctx);
      return;
    }
    decl_.warnings.push_back(here + ": not a form, indicator or budget table");
  }

  void OnBudgetTable(const PageLayout& page, const Table& table,
                     const TableContext& ctx) {
    Touch(page.page_number);
    BudgetRead read =
        ReadBudgetTable(table, ctx,
                        AroundTable{cur_->caption,
                                    cur_->unit_note.value_or(options_.budget_unit),
                                    cur_->last_group, cur_->last_header,
                                    cur_->prose});
    cur_->last_group = read.last_group;
    cur_->last_header = std::move(read.header);
    cur_->caption.reset();
    cur_->has_table = true;
    Fen sum;
    for (BudgetLine& l : read.lines) {
      sum += l.amount.value;
      cur_->lines.push_back({std::move(l), LineKind::kTable});
    }
    if (!read.lines.empty()) cur_->table_figures.push_back(sum);
    for (StatedAmount& t : read.totals) {
      cur_->table_figures.push_back(t.value);
      cur_->project.stated_budget_totals.push_back(std::move(t));
    }
    const std::string on_page = "page " + std::to_string(page.page_number) + ": ";
    for (const std::string& w : read.warnings) {
      cur_->project.warnings.push_back(on_page + w);
      cur_->project.unread_budget_rows.push_back(on_page + w);
    }
    for (const std::string& g : read.guesses)
      cur_->project.warnings.push_back(on_page + g);
  }

  // Moves the indicator reader's warnings into the current project's.
  void TakeIndicatorWarnings(int page_number) {
    for (const std::string& w : indicators_.TakeWarnings())
      cur_->project.warnings.push_back("page " + std::to_string(page_number) + ": " + w);
  }

  // Sets the fields a form states; a form continued from the previous page
  // only fills what its first part left unread.
  void ApplyForm(const FormHeader& form, const std::string& here) {
    Project& p = cur_->project;
    auto fill = [](auto& field, const auto& value) {
      if (value) field = value;
    };
    if (form.name) {
      if (p.heading_name.empty()) {
        p.name = *form.name;
      } else if (!NamesAgree(p.heading_name, *form.name, options_.label_similarity)) {
        p.warnings.push_back(here + ": heading name \"" + p.heading_name +
                             "\" and form name \"" + *form.name + "\" differ");
      }
    }
    fill(p.category, form.category);
    fill(p.department, form.department);
    fill(p.implementer, form.implementer);
    fill(p.start_date, form.start_date);
    fill(p.end_date, form.end_date);
    fill(p.funds.total, form.funds.total);
    fill(p.funds.annual_request, form.funds.annual_request);
    fill(p.funds.appropriation, form.funds.appropriation);
    fill(p.funds.fiscal, form.funds.fiscal);
    fill(p.funds.carryover, form.funds.carryover);
    fill(p.funds.other, form.funds.other);
    fill(p.overall_goal, form.overall_goal);
    fill(p.annual_goal, form.annual_goal);
    for (const std::string& w : form.warnings)
      p.warnings.push_back(here + ": " + w);
  }

  void StartProject(const std::string& heading_name) {
    Finish();
    indicators_.Close();
    title_open_ = false;
    cur_.emplace();
    cur_->project.heading_name = heading_name;
    cur_->project.name = heading_name;
  }

  void Touch(int page) {
    std::vector<int>& pages = cur_->project.pages;
    if (std::find(pages.begin(), pages.end(), page) == pages.end()) {
      pages.push_back(page);
      std::sort(pages.begin(), pages.end());
    }
  }

  // Decides prose lines against the tables, then closes the project.
  void Finish() {
    if (!cur_) return;
    Project& p = cur_->project;
    auto matches_table = [&](Fen v) {
      return std::find(cur_->table_figures.begin(), cur_->table_figures.end(),
                       v) != cur_->table_figures.end();
    };
    Fen others;
    for (const PendingLine& l : cur_->lines)
      if (l.kind != LineKind::kProseTotalLike &&
          !(l.kind == LineKind::kProse && matches_table(l.line.amount.value)))
        others += l.line.amount.value;
    for (PendingLine& l : cur_->lines) {
      const Fen v = l.line.amount.value;
      // Prose restating a table's sum or 合计 ("…共计19万元" above that
      // table) is neither a line nor a new check: the table carries it.
      if (l.kind != LineKind::kTable && matches_table(v)) continue;
      if (l.kind == LineKind::kProseTotalLike && v == others && others != Fen(0))
        p.stated_budget_totals.push_back(l.line.amount);
      else
        p.budget_lines.push_back(std::move(l.line));
    }
    decl_.projects.push_back(std::move(p));
    cur_.reset();
  }

  const DocumentLayout& layout_;
  const BuildOptions& options_;
  IndicatorReader indicators_;
  Declaration decl_;
  std::optional<OpenProject> cur_;
  bool title_open_ = true;
  bool page_started_ = false;  // an element of the current page was read
  std::optional<CutText> cut_;
  std::vector<std::string> title_parts_;
};

}  // namespace

Result<Declaration> BuildDeclaration(const DocumentLayout& layout,
                                     const BuildOptions& options) {
  if (layout.pages.empty())
    return Status::InvalidInput("document has no pages");
  return Builder(layout, options).Run();
}

}  // namespace decltab::normalize
