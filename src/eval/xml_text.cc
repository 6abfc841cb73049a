#include "eval/xml_text.h"

#include <cstdint>

#include "common/utf8.h"

namespace storyline::eval {

void AppendXmlText(std::string_view s, std::string* out) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out->push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out->push_back('&');
      continue;
    }
    std::string_view ent = s.substr(i + 1, semi - i - 1);
    if (ent == "amp") {
      out->push_back('&');
    } else if (ent == "lt") {
      out->push_back('<');
    } else if (ent == "gt") {
      out->push_back('>');
    } else if (ent == "quot") {
      out->push_back('"');
    } else if (ent == "apos") {
      out->push_back('\'');
    } else if (ent.size() > 1 && ent[0] == '#') {
      const bool hex = ent[1] == 'x' || ent[1] == 'X';
      uint32_t cp = 0;
      bool ok = ent.size() > (hex ? 2u : 1u);
      for (size_t k = hex ? 2 : 1; ok && k < ent.size(); ++k) {
        char c = ent[k];
        int digit = c >= '0' && c <= '9'           ? c - '0'
                    : hex && c >= 'a' && c <= 'f'  ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F'  ? c - 'A' + 10
                                                   : -1;
        ok = digit >= 0 && cp < 0x110000;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
      }
      if (!ok) {
        out->append(s.substr(i, semi - i + 1));
      } else {
        AppendUtf8(cp, out);
      }
    } else {
      out->append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
}

}  // namespace storyline::eval
