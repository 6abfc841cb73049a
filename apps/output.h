// Output helpers shared by the listing commands: aligned tables, CSV, JSON
// Lines. Only the command-line program uses them.
#ifndef STORYLINE_APPS_OUTPUT_H_
#define STORYLINE_APPS_OUTPUT_H_

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace storyline::cli {

enum class OutputFormat { kTable, kJsonl, kCsv };

// Collects rows and prints them as an aligned table (columns cut at
// max_width display characters) or CSV (RFC 4180 quoting).
class TableWriter {
 public:
  explicit TableWriter(std::vector<std::string> header, std::vector<size_t> max_width = {})
      : header_(std::move(header)), max_width_(std::move(max_width)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void PrintTable(std::FILE* out) const;
  void PrintCsvHeader(std::FILE* out) const;
  static void PrintCsvRow(std::FILE* out, const std::vector<std::string>& row);

 private:
  std::vector<std::string> header_;
  std::vector<size_t> max_width_;
  std::vector<std::vector<std::string>> rows_;
};

// Number of code points (display width for the scripts news uses).
size_t DisplayWidth(std::string_view utf8);
// `s` cut to at most `width` code points, with "…" when cut.
std::string Ellipsize(std::string_view utf8, size_t width);
// 12345 -> "12,345".
std::string Grouped(long long n);

// The evaluation folder `relative` under shared/data/ beside the checkout
// ("../shared/data/<relative>" or one level further up), or "" when absent:
// the default of the `eval` commands.
std::string FindSharedData(std::string_view relative);

}  // namespace storyline::cli

#endif  // STORYLINE_APPS_OUTPUT_H_
