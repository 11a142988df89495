// FUZZ_CHECK: a property every fuzz target asserts on what decltab returns.
// A violation prints the property and aborts, which libFuzzer reports as a
// crash and saves the input.
#ifndef DECLTAB_FUZZ_FUZZ_CHECK_H_
#define DECLTAB_FUZZ_FUZZ_CHECK_H_

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(cond)                                              \
  do {                                                                \
    if (!(cond)) {                                                    \
      std::fprintf(stderr, "property violated: %s (%s:%d)\n", #cond, \
                   __FILE__, __LINE__);                               \
      std::abort();                                                   \
    }                                                                 \
  } while (0)

#endif  // DECLTAB_FUZZ_FUZZ_CHECK_H_
