#include "output.h"

#include <algorithm>
#include <filesystem>

namespace storyline::cli {

size_t DisplayWidth(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Ellipsize(std::string_view s, size_t width) {
  if (width == 0 || DisplayWidth(s) <= width) return std::string(s);
  size_t cps = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (cps == width - 1) break;
      ++cps;
    }
  }
  return std::string(s.substr(0, i)) + "…";
}

std::string FindSharedData(std::string_view relative) {
  for (const char* base : {"../shared/data/", "../../shared/data/"}) {
    std::string dir = base + std::string(relative);
    std::error_code ec;
    if (std::filesystem::is_directory(dir, ec)) return dir;
  }
  return "";
}

std::string Grouped(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

void TableWriter::PrintTable(std::FILE* out) const {
  std::vector<size_t> width(header_.size(), 0);
  auto cell = [&](const std::vector<std::string>& row, size_t c) {
    std::string v = c < row.size() ? row[c] : "";
    std::replace(v.begin(), v.end(), '\n', ' ');
    if (c < max_width_.size() && max_width_[c] > 0) v = Ellipsize(v, max_width_[c]);
    return v;
  };
  for (size_t c = 0; c < header_.size(); ++c) {
    width[c] = DisplayWidth(header_[c]);
    for (const auto& r : rows_) width[c] = std::max(width[c], DisplayWidth(cell(r, c)));
  }
  auto print_row = [&](const std::vector<std::string>& row, bool is_header) {
    std::string line;
    for (size_t c = 0; c < header_.size(); ++c) {
      std::string v = is_header ? header_[c] : cell(row, c);
      line += v;
      if (c + 1 < header_.size()) line.append(width[c] - DisplayWidth(v) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    std::fprintf(out, "%s\n", line.c_str());
  };
  print_row(header_, true);
  for (const auto& r : rows_) print_row(r, false);
}

void TableWriter::PrintCsvHeader(std::FILE* out) const { PrintCsvRow(out, header_); }

void TableWriter::PrintCsvRow(std::FILE* out, const std::vector<std::string>& row) {
  std::string line;
  for (size_t c = 0; c < row.size(); ++c) {
    if (c > 0) line += ',';
    const std::string& v = row[c];
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
      line += v;
    } else {
      line += '"';
      for (char ch : v) {
        if (ch == '"') line += '"';
        line += ch;
      }
      line += '"';
    }
  }
  line += "\n";
  std::fputs(line.c_str(), out);
}

}  // namespace storyline::cli
