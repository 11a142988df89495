// decltab_tables: writes random ruled-table pages with their structure, for
// a person to look at (and for grid-detection experiments).
//   decltab_tables -o DIR --count N --seed S [--dpi D] [--preset P]
// Writes DIR/table-0001.png and DIR/table-0001.json:
//   {"dpi", "skew_degrees", "tables": [{"rows", "cols", "outer_border",
//     "cells": [{"row", "col", "rowspan", "colspan", "text"}]}]}
// Exit status: 0 on success, 2 on bad arguments, 1 on write errors.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "tools/scan/random_table.h"
#include "tools/scan/scan_simulator.h"

namespace {

using decltab::tools::RandomTablePage;

nlohmann::json TruthJson(const RandomTablePage& page, double skew) {
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& table : page.tables) {
    nlohmann::json cells = nlohmann::json::array();
    for (const auto& c : table.cells)
      cells.push_back({{"row", c.row}, {"col", c.col}, {"rowspan", c.rowspan},
                       {"colspan", c.colspan}, {"text", c.text}});
    tables.push_back({{"rows", table.rows}, {"cols", table.cols},
                      {"outer_border", table.outer_border}, {"cells", cells}});
  }
  return {{"dpi", page.image.dpi}, {"skew_degrees", skew}, {"tables", tables}};
}

bool WritePage(const std::filesystem::path& dir, int index,
               const RandomTablePage& page, double skew) {
  char stem[32];
  std::snprintf(stem, sizeof(stem), "table-%04d", index);
  const decltab::PageImage& image = page.image;
  cv::Mat grey(image.height, image.width, CV_8U,
               const_cast<uint8_t*>(image.pixels.data()));
  if (!cv::imwrite((dir / (std::string(stem) + ".png")).string(), grey))
    return false;
  std::ofstream json(dir / (std::string(stem) + ".json"));
  json << TruthJson(page, skew).dump(1) << "\n";
  return static_cast<bool>(json);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_dir, preset;
  int count = 1, dpi = 0;
  uint64_t seed = 1;
  CLI::App app{"Write random ruled-table pages with their structure"};
  app.add_option("-o,--output", out_dir, "directory to write into")->required();
  app.add_option("--count", count, "number of pages")->check(CLI::Range(1, 100000));
  app.add_option("--seed", seed, "random seed");
  app.add_option("--dpi", dpi, "resolution (default: the preset's, else 200)")
      ->check(CLI::Range(50, 600));
  app.add_option("--preset", preset, "degrade with this scan preset")
      ->check(CLI::IsMember(decltab::tools::ScanOptions::PresetNames()));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    std::error_code error;
    std::filesystem::create_directories(out_dir, error);
    decltab::tools::ScanOptions scan = decltab::tools::ScanOptions::Preset(preset);
    decltab::tools::RandomTableOptions options;
    options.dpi = dpi > 0 ? dpi : (preset.empty() ? 200 : scan.dpi);
    scan.dpi = options.dpi;
    for (int i = 1; i <= count; ++i) {
      uint64_t page_seed = seed * 1000003ULL + i;
      RandomTablePage page =
          decltab::tools::GenerateRandomTablePage(page_seed, options);
      double skew = 0;
      if (!preset.empty()) {
        page.image = decltab::tools::SimulateScan(page.image, scan, page_seed);
        skew = decltab::tools::ScanSkewDegrees(scan, page_seed);
      }
      if (!WritePage(out_dir, i, page, skew)) {
        std::cerr << "decltab_tables: cannot write page " << i << " to "
                  << out_dir << "\n";
        return 1;
      }
    }
  } catch (...) {
    std::cerr << "decltab_tables: unexpected error\n";
    return 1;
  }
  return 0;
}
