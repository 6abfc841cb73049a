// Content sniffing: fixed byte signatures first (BOMs, "WARC/1.", '{'), then
// the file name, then a case-insensitive search for HTML markup in the first
// few kilobytes, in the spirit of the WHATWG MIME sniffing rules.
#include "ingest/sniff.h"

#include <algorithm>
#include <array>
#include <string>

namespace storyline::ingest {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// File name extension after removing compression suffixes, lower-cased.
std::string FormatExtension(std::string_view path) {
  std::string name = AsciiLower(path.substr(path.find_last_of('/') + 1));
  for (std::string_view z : {".gz", ".zst", ".zstd"}) {
    if (name.size() > z.size() && name.ends_with(z)) {
      name.resize(name.size() - z.size());
      break;
    }
  }
  size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return "";
  return name.substr(dot + 1);
}

}  // namespace

bool LooksLikeHtml(std::string_view text) {
  std::string_view s = SkipBomAndSpace(text.substr(0, kSniffBytes));
  if (s.find('<') == std::string_view::npos) return false;
  std::string lower = AsciiLower(s);
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"}) {
    if (lower.find(tag) != std::string::npos) return true;
  }
  if (!s.empty() && s.front() == '<') {
    for (std::string_view tag : {"<p>", "<p ", "<div", "<meta", "<title", "<br", "<article",
                                 "<span", "<a href", "<h1", "<h2", "<!--"}) {
      if (lower.find(tag) != std::string::npos) return true;
    }
  }
  return false;
}

InputFormat DetectFormat(std::string_view head, std::string_view path) {
  std::string_view s = SkipBomAndSpace(head);
  if (s.starts_with("WARC/1.0") || s.starts_with("WARC/1.1")) return InputFormat::kWarc;
  if (!s.empty() && s.front() == '{') return InputFormat::kJsonl;
  // A JSON array of article objects is read by the same reader.
  if (!s.empty() && s.front() == '[') {
    std::string_view rest = SkipBomAndSpace(s.substr(1));
    if (rest.empty() || rest.front() == '{') return InputFormat::kJsonl;
  }
  std::string ext = FormatExtension(path);
  if (ext == "warc") return InputFormat::kWarc;
  if (ext == "jsonl" || ext == "ndjson" || ext == "jl" || ext == "json") return InputFormat::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  if (LooksLikeHtml(head)) return InputFormat::kHtml;
  return InputFormat::kText;
}

std::string_view FileStem(std::string_view path) {
  std::string_view name = path.substr(path.find_last_of('/') + 1);
  for (std::string_view z : {".gz", ".zst", ".zstd", ".GZ", ".ZST"}) {
    if (name.size() > z.size() && name.ends_with(z)) {
      name.remove_suffix(z.size());
      break;
    }
  }
  size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return name;
}

double ControlShare(std::string_view bytes) {
  if (bytes.empty()) return 0;
  // Table of the bytes that count as control characters in text.
  static constexpr std::array<bool, 256> kControl = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = true;
    for (int c : {0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b}) t[c] = false;  // \t \n \v \f \r ESC
    t[0x7f] = true;
    return t;
  }();
  size_t n = 0;
  for (unsigned char c : bytes) n += kControl[c];
  return static_cast<double>(n) / static_cast<double>(bytes.size());
}

Bom DetectBom(std::string_view b) {
  if (b.starts_with("\xEF\xBB\xBF")) return {"UTF-8", 3};
  if (b.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return {"UTF-32LE", 4};
  if (b.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return {"UTF-32BE", 4};
  if (b.starts_with("\xFF\xFE")) return {"UTF-16LE", 2};
  if (b.starts_with("\xFE\xFF")) return {"UTF-16BE", 2};
  return {};
}

}  // namespace storyline::ingest
