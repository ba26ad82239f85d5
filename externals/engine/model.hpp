// A loaded model: the TorchScript module and what the nn~ protocol says about it. Includes
// libtorch: only the rooms that call the model (protocol.cpp, runner.cpp) include this header.
#pragma once

#include "engine.hpp"

#include <torch/script.h>

namespace brave {

class Model {
public:
    torch::jit::Module module;
    ModelInfo info;
};

}  // namespace brave
