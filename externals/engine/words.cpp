// The engine's own words for its events (describe(), engine.hpp): host-neutral English, one line
// each. A frontend says the events its host has its own terms for and leaves the rest to these.
#include "engine.hpp"

#include "text.hpp"

#include <cstdio>
#include <string>

namespace brave {

namespace {

std::string num(long v) { return std::to_string(v); }

// Who wrote a file this libtorch cannot read: the sidecar's torch version when it names one.
std::string newer_torch(const std::string &sidecar) {
    return sidecar.empty() ? "a newer torch" : "torch " + sidecar + " (its .json says)";
}

// The engine has always kept a call's failure within 512 bytes (it is written on the audio side).
std::string at_most(size_t n, std::string s) {
    if (s.size() > n) s.resize(n);
    return s;
}

}  // namespace

std::string describe(const CallFailure &f) {
    std::string m = f.method;
    switch (f.what) {
    case CallFailure::NotATensor:
        return "method '" + m + "' did not return a tensor";
    case CallFailure::WrongShape: {
        char shape[96] = "";
        size_t len = 0;
        for (int d = 0; d < f.ndim && len + 24 < sizeof(shape); d++)
            len += snprintf(shape + len, sizeof(shape) - len, "%s%ld", d ? ", " : "", f.shape[d]);
        return "model output size is not consistent: method '" + m + "' returned [" + std::string(shape) + "], expected [1, " +
               num(f.out_ch) + ", " + num(f.n_out) + "]";
    }
    case CallFailure::Threw:
        return at_most(511, "method '" + m + "' failed: " + f.detail);
    case CallFailure::UnknownException:
        return "method '" + m + "' failed with an unknown exception";
    case CallFailure::ResetThrew:
        return at_most(511, std::string("the model's reset() failed: ") + f.detail);
    case CallFailure::None:
        break;
    }
    return "";
}

std::string describe(const Event &e) {
    const std::string &p = e.path, v = torch_version();
    switch (e.code) {
    case Code::None:
        return e.detail;
    case Code::CannotOpen:
        return "cannot open " + p + ": " + e.detail;
    case Code::NotZip:
        return p + " is not a TorchScript file (not a zip archive): export the model with torch.jit.script(...).save()";
    case Code::TorchSaveFile:
        return p + " is a torch.save() file (weights or a checkpoint), not TorchScript: export the model with "
                   "torch.jit.script(...).save() (brave-export export writes one)";
    case Code::NoCodeFolder:
        return p + " is a zip archive but not a TorchScript file (no code/ folder)";
    case Code::NewerFormat:
        return p + " was written by " + newer_torch(e.name) + ": TorchScript file format version " + num(e.count) +
               ", but libtorch " + v + " (bundled with brave~) reads versions up to " + num(e.limit) +
               "; export it with torch " + v;
    case Code::PackedFp16:
        return p + " has fp16 weights, which need x86-64 and libtorch's fbgemm: this brave~ cannot run them (" +
               e.detail + "); export the model with --weights fp32";
    case Code::UnknownOperator:
        return p + " uses '" + e.name + "', which libtorch " + v + " (bundled with brave~) does not know: it was "
               "probably written by " + newer_torch(e.detail) + "; export it with torch " + v;
    case Code::NotTorchScript:
        return "cannot load " + p + " as a TorchScript model: " + e.detail;
    case Code::NotNNModel:
        return p + " is not an nn~ model: " + e.detail;
    case Code::RatiosTooLarge:
        return p + ": the methods' ratios have no common buffer size up to " + num(e.limit);
    case Code::Fp16NoFbgemm:
        return p + " has fp16 weights, which run on " + (e.detail.empty() ? "x86-64 CPUs" : e.detail) +
               "; this libtorch has no fbgemm: export the model with --weights fp32";
    case Code::Unreadable:
        return "cannot read " + p + " as an nn~ model" + (e.detail.empty() ? "" : ": " + e.detail);
    case Code::GetMethodsFailed:
        return "get_methods() failed (" + e.detail + "): looking for *_params instead";
    case Code::SkippedMethod:
        return "skipping method '" + e.method + "': " + e.detail;
    case Code::NewerSidecar:
        return p + " was written by torch " + e.name + " (its .json says), newer than brave~'s libtorch " + v +
               ": if it fails or sounds wrong, export it with torch " + v;
    case Code::BufferRounded:
        return "buffer " + num(e.count) + " is not a multiple of the model's ratio " + num(e.limit) + ": using " +
               num(e.value);
    case Code::NoMethod:
        return p + " has no method '" + e.method + "'; available: " + e.detail;
    case Code::TooManyChannels:
        return "method '" + e.method + "' needs " + num(e.count) + " input(s) and " + num(e.limit) +
               " output(s) but this engine was made with " + num(e.value) + " and " + num(e.extra);
    case Code::BufferTooLarge:
        return "buffer " + num(e.count) + " is too large: at most " + num(e.limit) + " samples (" +
               num(e.limit * 1000 / 44100) + " ms at 44.1 kHz)";
    case Code::TestCallFailed:
        return short_error(describe(e.call)) + " (test call with buffer " + num(e.count) + ")";
    case Code::ResetTestFailed:
        return describe(e.call);
    case Code::SetupFailed:
        return "cannot set up method '" + e.method + "'" + (e.detail.empty() ? "" : ": " + e.detail);
    case Code::Loaded: {
        char t[80];
        snprintf(t, sizeof(t), "built and warmed up in %.0f ms", e.ms);
        return t;
    }
    case Code::CallFailed:
        return e.detail + " (output silence for that buffer; further errors are only counted)";
    case Code::NonFinite:
        return "method '" + e.method + "' returned NaN or inf: those buffers are replaced by silence";
    case Code::Overload:
        return "model calls are not keeping up: " + num(e.count) + " of the last " + num(e.limit) + " buffers " +
               (e.worker ? "came late from the worker (silence)" : "took longer than they last");
    case Code::SwitchTime: {
        char t[120];
        snprintf(t, sizeof(t), "longest audio block during the model switch: %.3f ms", e.ms);
        return t;
    }
    case Code::NoModel:
        return "no model loaded";
    case Code::NoAttribute:
        return p + " has no attribute '" + e.name + "'; available: " + (e.detail.empty() ? "none" : e.detail);
    case Code::AttributeCount:
        return "attribute '" + e.name + "' takes " + num(e.limit) + " value(s), got " + num(e.count);
    case Code::AttributeType: {
        static const char *types[] = {"a bool (0/1)", "an int", "a float", "a string", "a tensor"};
        return "attribute '" + e.name + "': value " + num(e.count) + " must be " +
               (e.limit >= 0 && e.limit <= 4 ? types[e.limit] : "of an unknown type");
    }
    case Code::AttributeFailed:
        return "set " + e.name + ": " + e.detail;
    case Code::ThreadsClamped:
        return "this machine has " + num(e.count) + " core(s): more threads than cores only make every call slower; "
               "using " + num(e.count);
    case Code::ThreadsFailed:
        return e.detail;
    }
    return e.detail;
}

}  // namespace brave
