// What kind of file a model is, before torch is asked to load it: the zip archive's entries and
// its TorchScript format version, and the torch version a sidecar MODEL.json names. Only
// torch's version headers, no libtorch call.
#pragma once

#include "engine.hpp"

#include <string>

namespace brave {

// Whether `path` is a TorchScript archive this libtorch can read; false with the reason in `err`.
bool check_archive(const std::string &path, Event &err);
// torch::jit::load's error `what` for `path`, as the event to say: an operator or type this
// libtorch lacks means a newer torch wrote the file.
Event load_error(const std::string &path, const std::string &what);
// The torch version the sidecar names when it is newer than this libtorch ("" otherwise).
std::string newer_sidecar_torch(const std::string &path);

}  // namespace brave
