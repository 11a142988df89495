// decltab_render TRUTH.json -o OUT.pdf [--seed N] [--truth-out FILLED.json]
//                [--cells-out CELLS.json]
// Renders a ground-truth declaration to a born-digital PDF. Exit 0 on
// success, 2 on unusable input, 1 on any other failure.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <iostream>
#include <string>

#include "tools/render/cells_json.h"
#include "tools/render/declaration_renderer.h"
#include "tools/render/declaration_spec.h"
#include "tools/render/truth_io.h"

namespace {

int ExitCode(const decltab::Status& status) {
  return status.code() == decltab::Status::Code::kInvalidInput ? 2 : 1;
}

int Run(int argc, char** argv) {
  CLI::App app{"Render a decltab ground-truth declaration to PDF"};
  std::string truth_path, pdf_path, truth_out, cells_out;
  uint64_t seed = 0;
  app.add_option("truth", truth_path, "ground-truth declaration JSON")
      ->required();
  app.add_option("-o,--output", pdf_path, "PDF to write")->required();
  app.add_option("--seed", seed,
                 "varies fonts, sizes, margins, rules, column widths");
  app.add_option("--truth-out", truth_out,
                 "write the truth with page numbers filled in");
  app.add_option("--cells-out", cells_out,
                 "write every table cell drawn: page, box, text");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  using namespace decltab::render;
  auto truth = ReadTruthFile(truth_path);
  if (!truth.ok()) {
    std::cerr << "decltab_render: " << truth.status().message() << "\n";
    return ExitCode(truth.status());
  }
  auto spec = ParseDeclarationSpec(*truth);
  if (!spec.ok()) {
    std::cerr << "decltab_render: " << truth_path << ": "
              << spec.status().message() << "\n";
    return ExitCode(spec.status());
  }
  RenderOptions options;
  options.seed = seed;
  auto report = RenderDeclarationPdf(*spec, options, pdf_path);
  if (!report.ok()) {
    std::cerr << "decltab_render: " << report.status().message() << "\n";
    return ExitCode(report.status());
  }
  if (!truth_out.empty()) {
    decltab::Status written =
        WriteTruthFile(truth_out, FillTruthPages(*truth, *report));
    if (!written.ok()) {
      std::cerr << "decltab_render: " << written.message() << "\n";
      return ExitCode(written);
    }
  }
  if (!cells_out.empty()) {
    decltab::Status written = WriteCellsFile(cells_out, *report);
    if (!written.ok()) {
      std::cerr << "decltab_render: " << written.message() << "\n";
      return ExitCode(written);
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "decltab_render: " << e.what() << "\n";
    return 1;
  } catch (...) {
    std::cerr << "decltab_render: unknown error\n";
    return 1;
  }
}
