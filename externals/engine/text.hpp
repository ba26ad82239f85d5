// Text helpers the engine's rooms share; no libtorch.
#pragma once

#include <cstddef>
#include <exception>
#include <string>

namespace brave {

// One line of an error (a torch error's last Python-style line after a traceback, else its
// first), copied into dst without allocating: the audio side uses it.
void one_line(const char *what, char *dst, size_t n);
// one_line, kept printable ASCII (errors can quote bytes of a damaged file).
std::string short_error(const std::string &what);
// One printable line of any exception (torch's without its C++ backtrace); defined in
// protocol.cpp, which knows torch's exception type.
std::string error_text(const std::exception &e);
bool ends_with(const std::string &s, const std::string &suffix);

}  // namespace brave
