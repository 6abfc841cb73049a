// Text content of XML as the evaluation sets store it (ECB+ tokens, TimeML,
// MEANTIME): the five predefined entities and numeric character references.
#ifndef STORYLINE_EVAL_XML_TEXT_H_
#define STORYLINE_EVAL_XML_TEXT_H_

#include <string>
#include <string_view>

namespace storyline::eval {

// Appends `s` to *out with entities decoded; an unknown or unterminated
// entity is kept as written.
void AppendXmlText(std::string_view s, std::string* out);

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_XML_TEXT_H_
