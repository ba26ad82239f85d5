// Reading the latency card (card.hpp): one zip record, a flat scan of the JSON's top-level keys.
#include "card.hpp"

#include <caffe2/serialize/inline_container.h>

#include <cctype>
#include <cstdlib>
#include <map>

namespace brave {

namespace {

// Top-level "key": value pairs of a JSON object, values as their raw text (strings unquoted,
// escapes kept as the two characters); nested objects and arrays are skipped.
std::map<std::string, std::string> top_level(const std::string &s) {
    std::map<std::string, std::string> out;
    int depth = 0;
    size_t i = 0, n = s.size();
    auto read_string = [&](size_t &k) {  // at the opening quote; returns the content, k past the close
        std::string v;
        for (k++; k < n && s[k] != '"'; k++) {
            if (s[k] == '\\' && k + 1 < n) {
                v += s[++k] == 'n' ? ' ' : s[k];
                continue;
            }
            v += s[k];
        }
        k++;
        return v;
    };
    while (i < n) {
        char c = s[i];
        if (c == '"') {
            std::string key = read_string(i);
            if (depth != 1) continue;
            size_t k = i;
            while (k < n && std::isspace((unsigned char)s[k])) k++;
            if (k >= n || s[k] != ':') continue;  // a string value, not a key
            k++;
            while (k < n && std::isspace((unsigned char)s[k])) k++;
            if (k < n && s[k] == '"') {
                out[key] = read_string(k);
                i = k;
            } else if (k < n && (s[k] == '{' || s[k] == '[')) {
                i = k;  // nested: skipped by the depth count
            } else {
                size_t e = k;
                while (e < n && s[e] != ',' && s[e] != '}' && !std::isspace((unsigned char)s[e])) e++;
                out[key] = s.substr(k, e - k);
                i = e;
            }
            continue;
        }
        if (c == '{' || c == '[') depth++;
        if (c == '}' || c == ']') depth--;
        i++;
    }
    return out;
}

double number(const std::map<std::string, std::string> &m, const char *key, double fallback) {
    auto it = m.find(key);
    if (it == m.end() || it->second.empty() || it->second == "null") return fallback;
    char *end = nullptr;
    double v = std::strtod(it->second.c_str(), &end);
    return end && *end == '\0' ? v : fallback;
}

}  // namespace

LatencyCard parse_latency_card(const std::string &json) {
    LatencyCard card;
    auto m = top_level(json);
    auto it = m.find("measurable");
    if (it == m.end()) return card;  // not a card
    card.present = true;
    card.median = number(m, "median", -1);
    card.p10 = number(m, "p10", -1);
    card.p90 = number(m, "p90", -1);
    card.detection_rate = number(m, "detection_rate", 0);
    card.trials = (long)number(m, "trials", 0);
    card.measurable = it->second == "true" && card.median >= 0;
    auto r = m.find("reason");
    if (r != m.end() && r->second != "null") card.reason = r->second;
    return card;
}

LatencyCard read_latency_card(const std::string &path) {
    try {
        caffe2::serialize::PyTorchStreamReader reader(path);
        const std::string name = "extra/latency_card.json";
        if (!reader.hasRecord(name)) return {};
        auto [data, size] = reader.getRecord(name);
        return parse_latency_card(std::string(static_cast<const char *>(data.get()), size));
    } catch (...) {
        return {};  // unreadable: as if there were no card (the model itself loaded)
    }
}

}  // namespace brave
