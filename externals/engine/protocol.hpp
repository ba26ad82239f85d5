// The nn~ protocol, read from a TorchScript module (protocol.cpp): its methods (get_methods(),
// M_params = [in_channels, in_ratio, out_channels, out_ratio]), sample rate, delay, reset(),
// attributes (get_attributes(), set_A(), A_params). load_model() is in engine.hpp; no torch
// header here.
#pragma once

#include "engine.hpp"

#include <string>
#include <vector>

namespace brave {

// Sets attribute `name` of `m` (its set_NAME() with values converted to the types NAME_params
// codes); false with the reason in `err`. The caller makes sure no call runs the model meanwhile.
bool set_model_attribute(Model &m, const std::string &name, const std::vector<AttrValue> &values, Event &err);

}  // namespace brave
