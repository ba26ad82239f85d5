// The nn~ protocol (protocol.hpp): loading a model file and reading what it offers.
#include "protocol.hpp"

#include "model.hpp"

#include "archive.hpp"
#include "text.hpp"

#include <ATen/Context.h>

#include <algorithm>
#include <numeric>

namespace brave {

const ModelInfo &model_info(const Model &m) { return m.info; }

const MethodInfo *ModelInfo::find(const std::string &name) const {
    for (auto &m : methods)
        if (m.name == name) return &m;
    return nullptr;
}

std::string ModelInfo::names() const {
    std::string s;
    for (auto &m : methods) s += (s.empty() ? "" : ", ") + m.name;
    return s;
}

std::string error_text(const std::exception &e) {  // text.hpp
    if (auto *c = dynamic_cast<const c10::Error *>(&e)) return short_error(c->what_without_backtrace());
    return short_error(e.what());
}

namespace {

// Calls an optional no-argument method; None when the model lacks it or the call fails.
c10::IValue call_optional(torch::jit::Module &m, const char *name) {
    auto method = m.find_method(name);
    if (!method) return c10::IValue();
    try {
        c10::InferenceMode guard;
        return (*method)(std::vector<c10::IValue>{});
    } catch (const std::exception &) {
        return c10::IValue();
    }
}

// An optional `NAME() -> int` method's value; false when absent or not an int.
bool optional_int(torch::jit::Module &m, const char *name, long &out) {
    c10::IValue v = call_optional(m, name);
    if (!v.isInt()) return false;
    out = (long)v.toInt();
    return true;
}

// An optional `NAME() -> str` method's value; false when absent or not a string.
bool optional_text(torch::jit::Module &m, const char *name, std::string &out) {
    c10::IValue v = call_optional(m, name);
    if (!v.isString()) return false;
    out = v.toStringRef();
    return true;
}

bool fbgemm_available() {
    const auto &engines = at::globalContext().supportedQEngines();
    return std::find(engines.begin(), engines.end(), at::QEngine::FBGEMM) != engines.end();
}

// A `NAME() -> List[str]` method's strings; `listed` false when the model lacks it or it
// returns something else, `why` set when it threw.
std::vector<std::string> string_list(torch::jit::Module &m, const char *name, bool &listed, std::string &why) {
    std::vector<std::string> names;
    listed = false;
    auto fn = m.find_method(name);
    if (!fn) return names;
    try {
        c10::InferenceMode guard;
        c10::IValue v = (*fn)(std::vector<c10::IValue>{});
        if (v.isList()) {
            for (const c10::IValue &e : v.toListRef())
                if (e.isString()) names.push_back(e.toStringRef());
            listed = true;
        }
    } catch (const std::exception &e) {
        why = error_text(e);
    }
    return names;
}

// Reads `NAME_params` = [in_channels, in_ratio, out_channels, out_ratio]; false (with why) if
// it is missing or malformed.
bool read_params(torch::jit::Module &m, const std::string &name, MethodInfo &info, std::string &why) {
    std::string attr = name + "_params";
    if (!m.find_method(name)) { why = "the model has no method " + name + "()"; return false; }
    if (!m.hasattr(attr)) {
        why = "it has " + name + "() but no " + attr + " buffer ([in_channels, in_ratio, out_channels, out_ratio])";
        return false;
    }
    c10::IValue v = m.attr(attr);
    if (!v.isTensor()) { why = attr + " is not a tensor"; return false; }
    at::Tensor t = v.toTensor();
    if (t.scalar_type() != at::kLong) t = t.to(at::kLong);
    t = t.contiguous().view({-1});
    if (t.numel() != 4) { why = attr + " does not hold 4 numbers"; return false; }
    const int64_t *p = t.data_ptr<int64_t>();
    if (p[0] < 1 || p[0] > kMaxChannels || p[2] < 1 || p[2] > kMaxChannels || p[1] < 1 || p[1] > kMaxRatio ||
        p[3] < 1 || p[3] > kMaxRatio) {
        why = attr + " = [" + std::to_string(p[0]) + ", " + std::to_string(p[1]) + ", " + std::to_string(p[2]) +
              ", " + std::to_string(p[3]) + "] is out of range";
        return false;
    }
    info.name = name;
    info.in_ch = (int)p[0];
    info.in_ratio = (int)p[1];
    info.out_ch = (int)p[2];
    info.out_ratio = (int)p[3];
    return true;
}

Event fact(Event::Kind kind, Code code, const std::string &path = "", const std::string &detail = "") {
    Event e;
    e.kind = kind;
    e.code = code;
    e.path = path;
    e.detail = detail;
    return e;
}

// The methods the model offers: get_methods(), else (nn~'s fallback) every M with an M_params
// attribute; skipped ones go to `warnings`, the first reason to `first_why`.
bool read_methods(torch::jit::Module &m, ModelInfo &info, std::vector<Event> &warnings, std::string &first_why) {
    std::string why;
    bool listed = false;
    std::vector<std::string> names = string_list(m, "get_methods", listed, why);
    if (!why.empty()) warnings.push_back(fact(Event::Warning, Code::GetMethodsFailed, "", why));
    if (!listed) {
        for (const auto &a : m.named_attributes(/*recurse=*/false))
            if (ends_with(a.name, "_params") && a.name.size() > 7) names.push_back(a.name.substr(0, a.name.size() - 7));
        if (names.empty() && m.find_method("forward")) names.push_back("forward");  // to say what is missing
    }
    for (const std::string &n : names) {
        MethodInfo mi;
        std::string w;
        if (read_params(m, n, mi, w)) {
            if (!info.find(n)) info.methods.push_back(mi);
        } else {
            Event e = fact(Event::Warning, Code::SkippedMethod, "", w);
            e.method = n;
            warnings.push_back(e);
            if (first_why.empty()) first_why = w;
        }
    }
    return listed;
}

// Everything after torch::jit::load: false with `err` when the module is no usable nn~ model.
bool read_model(Model &model, const std::string &path, Event &err, std::vector<Event> &warnings) {
    torch::jit::Module &m = model.module;
    ModelInfo &info = model.info;
    std::string first_why;
    bool listed = read_methods(m, info, warnings, first_why);
    if (info.methods.empty()) {
        err = fact(Event::LoadFailed, Code::NotNNModel, path,
                   !first_why.empty() ? first_why
                   : listed           ? "get_methods() lists no method"
                                      : "no forward() and no *_params buffer");
        return false;
    }
    long lcm = 1;
    for (auto &mi : info.methods) lcm = std::lcm(std::lcm(lcm, (long)mi.in_ratio), (long)mi.out_ratio);
    if (lcm > kMaxRatio) {
        err = fact(Event::LoadFailed, Code::RatiosTooLarge, path);
        err.limit = kMaxRatio;
        return false;
    }
    info.ratio = (int)lcm;
    long v;
    if (optional_int(m, "get_sample_rate", v) && v > 0) info.sample_rate = v;
    if (optional_int(m, "get_latency_samples", v) && v >= 0) info.delay = v;
    info.has_reset = (bool)m.find_method("reset");
    std::string weights;
    if (optional_text(m, "get_weights", weights) && weights == "fp16" && !fbgemm_available()) {
        std::string platforms;
        optional_text(m, "get_platforms", platforms);
        err = fact(Event::LoadFailed, Code::Fp16NoFbgemm, path, platforms);
        return false;
    }
    std::string newer = newer_sidecar_torch(path);
    if (!newer.empty()) {
        Event w = fact(Event::Warning, Code::NewerSidecar, path);
        w.name = newer;
        warnings.push_back(w);
    }
    std::string why;
    for (auto &a : string_list(m, "get_attributes", listed, why))
        if (a != "none") info.attributes.push_back(a);
    return true;
}

}  // namespace

std::shared_ptr<Model> load_model(const std::string &path, Event &err, std::vector<Event> &warnings) {
    try {
        if (!check_archive(path, err)) return nullptr;
        auto model = std::make_shared<Model>();
        model->info.path = path;
        try {
            model->module = torch::jit::load(path, torch::kCPU);
            model->module.eval();
        } catch (const c10::Error &e) {
            err = load_error(path, e.what_without_backtrace());
            return nullptr;
        } catch (const std::exception &e) {
            err = load_error(path, e.what());
            return nullptr;
        }
        return read_model(*model, path, err, warnings) ? model : nullptr;
    } catch (const std::exception &e) {
        err = fact(Event::LoadFailed, Code::Unreadable, path, error_text(e));
    } catch (...) {
        err = fact(Event::LoadFailed, Code::Unreadable, path);
    }
    return nullptr;
}

std::shared_ptr<Model> load_model(const std::string &path, std::string &err, std::vector<std::string> &warnings) {
    Event e;
    std::vector<Event> w;
    auto m = load_model(path, e, w);
    for (auto &x : w) warnings.push_back(describe(x));
    if (!m) err = describe(e);
    return m;
}

bool set_model_attribute(Model &m, const std::string &name, const std::vector<AttrValue> &values, Event &err) {
    err = Event{};
    err.kind = Event::Warning;
    err.name = name;
    try {
        torch::jit::Module &mod = m.module;
        const auto &names = m.info.attributes;
        auto setter = mod.find_method("set_" + name);
        if (std::find(names.begin(), names.end(), name) == names.end() || !setter || !mod.hasattr(name + "_params")) {
            err.code = Code::NoAttribute;
            err.path = m.info.path;
            for (auto &a : names) err.detail += (err.detail.empty() ? "" : ", ") + a;
            return false;
        }
        at::Tensor codes = mod.attr(name + "_params").toTensor().to(at::kLong).contiguous().view({-1});
        size_t n = (size_t)codes.numel();
        if (values.size() != n) {
            err.code = Code::AttributeCount;
            err.limit = (long)n;
            err.count = (long)values.size();
            return false;
        }
        std::vector<c10::IValue> args;
        for (size_t i = 0; i < n; i++) {
            const AttrValue &a = values[i];
            long code = codes.data_ptr<int64_t>()[i];
            if (code == 0 && !a.is_symbol) args.emplace_back(a.number != 0);
            else if (code == 0 && (a.symbol == "true" || a.symbol == "false")) args.emplace_back(a.symbol == "true");
            else if (code == 1 && !a.is_symbol) args.emplace_back((int64_t)a.number);
            else if (code == 2 && !a.is_symbol) args.emplace_back(a.number);
            else if (code == 3 && a.is_symbol) args.emplace_back(a.symbol);
            else {
                err.code = Code::AttributeType;
                err.count = (long)i + 1;
                err.limit = code;
                return false;
            }
        }
        c10::InferenceMode guard;
        (*setter)(args);
        return true;
    } catch (const std::exception &e) {
        err.code = Code::AttributeFailed;
        err.detail = error_text(e);
    }
    return false;
}

}  // namespace brave
