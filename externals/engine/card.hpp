// The latency card a model file may carry (brave_export/latency/card.py writes it): the model's
// own latency, measured with no host buffering, stored in the TorchScript zip as the extra file
// extra/latency_card.json, which torch::jit::load and nn~ ignore. Read on demand (the `latency`
// message), never in the audio thread. No Pd header, no torch type in the interface.
#pragma once

#include <string>

namespace brave {

struct LatencyCard {
    bool present = false;     // the file has a card
    bool measurable = false;  // the card has figures (else `reason` says why not)
    double median = -1, p10 = -1, p90 = -1;  // samples
    double detection_rate = 0;               // 0..1
    long trials = 0;
    std::string reason;
};

// The card inside the model file at `path`; present = false when there is none or it cannot be read.
LatencyCard read_latency_card(const std::string &path);

// The card's top-level fields from its JSON text (exposed for the engine tests).
LatencyCard parse_latency_card(const std::string &json);

}  // namespace brave
