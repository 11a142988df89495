// The review report of the bundled 300 dpi scan, opened as a person would:
// `decltab review` on the extraction's JSON, then headless Chromium (Debian's
// `chromium`) loads the page, runs its script, prints the DOM and takes a
// screenshot of the first screen at 1280 px. Then `decltab correct` with a
// corrected figure, and the check's status follows the arithmetic.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <regex>

#include "tests/e2e/run_decltab.h"

namespace decltab::e2e {
namespace {

namespace fs = std::filesystem;

const char kScan[] = "testdata/scans/songjiang-2023-scan300.pdf";

// The extraction of the scan: the one the extraction score test left in
// its folder when it is newer than build/decltab and has the boxes this
// test needs (extracting the 36 pages again takes a minute of CPU), else a
// fresh one.
std::string ScanJson(const std::string& dir) {
  fs::path shared =
      fs::temp_directory_path() / "decltab-e2e-songjiang_scan300" / "songjiang-2023-scan300.json";
  std::string mine = dir + "/songjiang-2023-scan300.json";
  std::error_code ec;
  if (fs::exists(shared, ec) &&
      fs::last_write_time(shared, ec) > fs::last_write_time(DECLTAB_BINARY, ec)) {
    std::string text = ReadAll(shared.string());
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_discarded() && j["source"].contains("dpi")) {
      WriteFile(mine, text);
      return mine;
    }
  }
  RunResult run = RunDecltab(std::string("-q extract ") + kScan + " -o " + dir, dir);
  EXPECT_EQ(0, run.exit_code) << run.stderr_text;
  return mine;
}

int NotOkChecks(const nlohmann::json& j) {
  int n = 0;
  for (const auto& c : j["checks"]) n += c["status"] != "ok";
  for (const auto& p : j["projects"])
    for (const auto& c : p["checks"]) n += c["status"] != "ok";
  return n;
}

std::string Chromium(const std::string& args, const std::string& dir, std::string* log) {
  fs::path profile = fs::path(dir) / "chromium-profile";
  fs::create_directories(profile);
  std::string out = dir + "/chromium.out", err = dir + "/chromium.err";
  std::string command =
      "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
      "--disable-background-networking --disable-component-update --disable-sync "
      "--disable-dev-shm-usage --hide-scrollbars --enable-logging=stderr --v=0 "
      "--user-data-dir=" + profile.string() + " " + args + " >" + out + " 2>" + err;
  int status = std::system(command.c_str());
  EXPECT_EQ(0, WIFEXITED(status) ? WEXITSTATUS(status) : -1) << ReadAll(err);
  *log = ReadAll(err);
  return ReadAll(out);
}

class ReviewBrowserTest : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(TempDir("review_browser"));
    json_ = new std::string(ScanJson(*dir_));
  }
  static void TearDownTestSuite() {
    delete dir_;
    delete json_;
  }
  static std::string* dir_;
  static std::string* json_;
};
std::string* ReviewBrowserTest::dir_ = nullptr;
std::string* ReviewBrowserTest::json_ = nullptr;

TEST_F(ReviewBrowserTest, TheReportOfTheScanLoadsCleanAndShowsTheMismatchWithItsCrop) {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0)
    GTEST_FAIL() << "chromium is not installed (tools/bootstrap.sh installs it)";
  const std::string html = *dir_ + "/review.html";
  RunResult review = RunDecltab("-q review " + *json_ + " -o " + html, *dir_);
  ASSERT_EQ(0, review.exit_code) << review.stderr_text;
  nlohmann::json j = nlohmann::json::parse(ReadAll(*json_));
  const int not_ok = NotOkChecks(j);
  EXPECT_EQ(2, not_ok) << "the sample's not-ok checks changed; README and this test say 2";

  std::string log;
  std::string dom = Chromium("--virtual-time-budget=5000 --dump-dom file://" +
                                 fs::absolute(html).string(), *dir_, &log);
  ASSERT_FALSE(dom.empty()) << log;
  // The script ran, raised nothing, and every image decoded.
  EXPECT_NE(std::string::npos, dom.find("data-js=\"ran\""));
  EXPECT_NE(std::string::npos, dom.find("data-js-errors=\"0\""));
  EXPECT_NE(std::string::npos, dom.find("data-images-broken=\"0\"")) << "an image did not decode";
  EXPECT_EQ(std::string::npos, log.find("Uncaught")) << log;
  EXPECT_FALSE(std::regex_search(log, std::regex("CONSOLE\\(\\d+\\)"))) << log;
  // The summary's count.
  EXPECT_NE(std::string::npos,
            dom.find("id=\"not-ok-count\" data-count=\"" + std::to_string(not_ok) + "\""));
  // The 合作与交流 mismatch, in words and with the crops of its cells.
  size_t at = dom.find("data-rule=\"budget_lines_sum_equals_total\" data-project=\"合作与交流\"");
  ASSERT_NE(std::string::npos, at);
  std::string block = dom.substr(at, dom.find("</figure></div>", at) - at);
  EXPECT_NE(std::string::npos, block.find("mismatch"));
  EXPECT_NE(std::string::npos, block.find("sum to 1,800,000.00 元; the form states 1,500,000.00 元; "
                                          "300,000.00 元 apart"));
  EXPECT_NE(std::string::npos, block.find("<img class=\"crop\" src=\"data:image/png;base64,"));

  // The first screen at 1280 px: not blank, and the red of the mismatch shows.
  const std::string shot = *dir_ + "/review-first-screen.png";
  Chromium("--window-size=1280,1000 --virtual-time-budget=5000 --screenshot=" + shot +
               " file://" + fs::absolute(html).string(), *dir_, &log);
  cv::Mat image = cv::imread(shot, cv::IMREAD_COLOR);
  ASSERT_FALSE(image.empty()) << log;
  EXPECT_EQ(1280, image.cols);
  cv::Scalar mean, stddev;
  cv::meanStdDev(image, mean, stddev);
  EXPECT_GT(stddev[0], 20.0) << "the first screen is blank";
  // The mismatch red (#c0262d: B 45, G 38, R 192), give or take.
  cv::Mat red;
  cv::inRange(image, cv::Scalar(25, 18, 170), cv::Scalar(70, 60, 215), red);
  EXPECT_GT(cv::countNonZero(red), 500) << "no mismatch red on the first screen";
}

// A corrections file that reads 合作与交流's stated total as the lines'
// sum: `decltab correct` turns its mismatch into ok and keeps the note.
TEST_F(ReviewBrowserTest, CorrectingTheStatedTotalTurnsTheMismatchOk) {
  nlohmann::json j = nlohmann::json::parse(ReadAll(*json_));
  int project = 0;
  for (size_t i = 0; i < j["projects"].size(); ++i)
    if (j["projects"][i]["name"] == "合作与交流") project = static_cast<int>(i + 1);
  ASSERT_GT(project, 0);
  nlohmann::json corrections = {
      {"schema", "decltab-corrections/1"},
      {"sha256", j["source"]["sha256"]},
      {"corrections",
       {{{"project", project}, {"project_name", "合作与交流"}, {"field", "funds.total"},
         {"corrected", "180万元"}, {"who", "test"}, {"when", "2026-12-08"},
         {"note", "as if the form had said 180万元"}}}}};
  const std::string file = *dir_ + "/corrections.json";
  WriteFile(file, corrections.dump());
  const std::string out = *dir_ + "/corrected";
  RunResult run = RunDecltab("-q correct " + *json_ + " " + file + " -o " + out + " --db " +
                                 out + "/db.sqlite", *dir_);
  ASSERT_EQ(0, run.exit_code) << run.stderr_text;
  nlohmann::json fixed = nlohmann::json::parse(ReadAll(out + "/songjiang-2023-scan300.json"));
  EXPECT_EQ(NotOkChecks(j) - 1, NotOkChecks(fixed));
  for (const auto& c : fixed["projects"][project - 1]["checks"])
    if (c["rule"] == "budget_lines_sum_equals_total") {
      EXPECT_EQ("ok", c["status"]) << c.dump();
    }
  ASSERT_EQ(1u, fixed["corrections"].size());
  EXPECT_EQ("1500000.00", fixed["corrections"][0]["read"]);
  EXPECT_EQ("as if the form had said 180万元", fixed["corrections"][0]["note"]);
}

}  // namespace
}  // namespace decltab::e2e
