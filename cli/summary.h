// The short human summary `decltab extract` prints: counts, then every
// reconciliation check that did not hold, with where it was read.
#ifndef DECLTAB_CLI_SUMMARY_H_
#define DECLTAB_CLI_SUMMARY_H_

#include <string>

#include "core/declaration.h"

namespace decltab::cli {

std::string Summarize(const Declaration& declaration);

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_SUMMARY_H_
