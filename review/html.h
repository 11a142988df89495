// HTML text helpers for the review report.
#ifndef DECLTAB_REVIEW_HTML_H_
#define DECLTAB_REVIEW_HTML_H_

#include <string>
#include <string_view>

namespace decltab::review {

// `text` safe inside HTML element content and double-quoted attribute
// values: & < > " ' escaped. Invalid UTF-8 is passed through byte for byte
// (the page declares UTF-8; browsers show U+FFFD for it).
std::string Escape(std::string_view text);

}  // namespace decltab::review

#endif  // DECLTAB_REVIEW_HTML_H_
