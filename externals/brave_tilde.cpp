// brave~: run an nn~-protocol TorchScript model (RAVE, BRAVE, ...) inside Pure Data with the
// least buffering latency the model allows.
//
//   [brave~ MODEL METHOD BUFFER]     (nn~'s argument order)
//
// The model runs synchronously in the DSP perform routine, without double buffering. With
// BUFFER = B samples and Pd block size N, the object adds exactly
//
//   L = B - gcd(B, N) samples           (= B - N when N divides B, 0 when B divides N)
//
// of latency, sample for sample, on top of the model's own delay. How: every perform call first
// consumes its N input samples, running the model each time B samples have been collected and
// appending the B output samples to an output FIFO; then it outputs N samples from the FIFO.
// The FIFO starts with L zeros: that is the least head start that never lets it run dry, since
// after block k it has received B * floor(kN / B) samples and must have given out kN, and
// kN mod B takes at most the value B - gcd(B, N).
//
// Pd runs messages and DSP in one thread, so `load`, `method` and `buffer` build the new model
// state completely (load, check, warm-up calls) beside the running one and then swap it in
// between two perform calls. Everything perform touches is allocated there or in the dsp method.

#include <torch/script.h>
#include <torch/version.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <numeric>
#include <string>
#include <vector>

#include "m_pd.h"

namespace {

constexpr int kMaxBuffer = 1 << 20;   // samples
constexpr int kMaxChannels = 1024;
constexpr int kMaxRatio = 1 << 16;
constexpr int kWarmupCalls = 3;        // the JIT profiles then optimizes on the first calls

t_class *brave_class = nullptr;

// ---------------------------------------------------------------------------------- the model

struct MethodInfo {
    std::string name;
    int in_ch = 1, in_ratio = 1, out_ch = 1, out_ratio = 1;
};

struct Model {
    torch::jit::Module module;
    std::string path;                  // resolved file name
    std::vector<MethodInfo> methods;
    int ratio = 1;                     // lcm of every method's in/out ratio: the buffer quantum
    long sample_rate = 0;              // get_sample_rate(); 0 when the model does not say
    long delay = -1;                   // get_latency_samples(); -1 when the model does not say
    bool has_reset = false;

    const MethodInfo *find(const std::string &name) const {
        for (auto &m : methods)
            if (m.name == name) return &m;
        return nullptr;
    }
    std::string names() const {
        std::string s;
        for (auto &m : methods) s += (s.empty() ? "" : ", ") + m.name;
        return s;
    }
};

// One line of a torch error, copied into dst without allocating (perform uses it): the
// TorchScript interpreter's messages end with the Python-style "RuntimeError: ..." line after a
// traceback, other errors start with their message.
void one_line(const char *what, char *dst, size_t n) {
    if (n == 0) return;
    bool traceback = std::strstr(what, "Traceback of TorchScript") || std::strstr(what, "The following operation failed");
    const char *best = nullptr, *best_end = nullptr;
    for (const char *p = what; *p;) {
        const char *e = std::strchr(p, '\n');
        if (!e) e = p + std::strlen(p);
        const char *q = p;
        while (q < e && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
        if (q < e) {  // a non-empty line
            best = p;
            best_end = e;
            if (!traceback) break;
        }
        p = *e ? e + 1 : e;
    }
    if (!best) {
        snprintf(dst, n, "unknown error");
        return;
    }
    size_t len = std::min((size_t)(best_end - best), n - 1);
    std::memcpy(dst, best, len);
    dst[len] = 0;
}

std::string short_error(const std::string &what) {
    char buf[400];
    one_line(what.c_str(), buf, sizeof(buf));
    return buf;
}

std::string error_text(const std::exception &e) {
    if (auto *c = dynamic_cast<const c10::Error *>(&e)) return short_error(c->what_without_backtrace());
    return short_error(e.what());
}

bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Calls an optional `NAME() -> int` method; false when absent or not an int.
bool optional_int(torch::jit::Module &m, const char *name, long &out) {
    auto method = m.find_method(name);
    if (!method) return false;
    try {
        c10::InferenceMode guard;
        c10::IValue v = (*method)(std::vector<c10::IValue>{});
        if (!v.isInt()) return false;
        out = (long)v.toInt();
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

// Reads `NAME_params` = [in_channels, in_ratio, out_channels, out_ratio]; false (with why) if
// it is missing or malformed.
bool read_params(torch::jit::Module &m, const std::string &name, MethodInfo &info, std::string &why) {
    std::string attr = name + "_params";
    if (!m.hasattr(attr)) { why = "no " + attr + " buffer"; return false; }
    if (!m.find_method(name)) { why = "no method " + name; return false; }
    c10::IValue v = m.attr(attr);
    if (!v.isTensor()) { why = attr + " is not a tensor"; return false; }
    at::Tensor t = v.toTensor();
    if (t.scalar_type() != at::kLong) t = t.to(at::kLong);
    t = t.contiguous().view({-1});
    if (t.numel() != 4) { why = attr + " does not hold 4 numbers"; return false; }
    const int64_t *p = t.data_ptr<int64_t>();
    if (p[0] < 1 || p[0] > kMaxChannels || p[2] < 1 || p[2] > kMaxChannels ||
        p[1] < 1 || p[1] > kMaxRatio || p[3] < 1 || p[3] > kMaxRatio) {
        why = attr + " = [" + std::to_string(p[0]) + ", " + std::to_string(p[1]) + ", " +
              std::to_string(p[2]) + ", " + std::to_string(p[3]) + "] is out of range";
        return false;
    }
    info.name = name;
    info.in_ch = (int)p[0];
    info.in_ratio = (int)p[1];
    info.out_ch = (int)p[2];
    info.out_ratio = (int)p[3];
    return true;
}

// Loads and inspects a model file; nullptr with `err` set when it is not a usable nn~ model.
std::shared_ptr<Model> read_model(const std::string &path, std::string &err, std::vector<std::string> &warnings) {
    auto model = std::make_shared<Model>();
    model->path = path;
    try {
        model->module = torch::jit::load(path, torch::kCPU);
        model->module.eval();
    } catch (const std::exception &e) {
        err = "cannot load " + path + " as a TorchScript model: " + error_text(e);
        return nullptr;
    }
    try {
        torch::jit::Module &m = model->module;
        std::vector<std::string> names;
        bool listed = false;
        if (auto gm = m.find_method("get_methods")) {
            try {
                c10::InferenceMode guard;
                c10::IValue v = (*gm)(std::vector<c10::IValue>{});
                if (v.isList()) {
                    for (const c10::IValue &e : v.toListRef())
                        if (e.isString()) names.push_back(e.toStringRef());
                    listed = true;
                }
            } catch (const std::exception &e) {
                warnings.push_back("get_methods() failed (" + error_text(e) + "): looking for *_params instead");
            }
        }
        if (!listed) {  // nn~'s fallback: every method with an M_params attribute
            for (const auto &a : m.named_attributes(/*recurse=*/false)) {
                if (ends_with(a.name, "_params") && a.name.size() > 7) {
                    std::string meth = a.name.substr(0, a.name.size() - 7);
                    if (m.find_method(meth)) names.push_back(meth);
                }
            }
        }
        for (const std::string &n : names) {
            MethodInfo info;
            std::string why;
            if (read_params(m, n, info, why)) {
                if (!model->find(n)) model->methods.push_back(info);
            } else {
                warnings.push_back("skipping method '" + n + "': " + why);
            }
        }
        if (model->methods.empty()) {
            err = path + " is not an nn~ model: no method with a valid *_params buffer" +
                  (listed ? " among get_methods()" : " (and no get_methods())");
            return nullptr;
        }
        long lcm = 1;
        for (auto &mi : model->methods) {
            lcm = std::lcm(lcm, (long)mi.in_ratio);
            lcm = std::lcm(lcm, (long)mi.out_ratio);
        }
        if (lcm > kMaxRatio) {
            err = path + ": the methods' ratios have no common buffer size up to " + std::to_string(kMaxRatio);
            return nullptr;
        }
        model->ratio = (int)lcm;
        long v;
        if (optional_int(m, "get_sample_rate", v) && v > 0) model->sample_rate = v;
        if (optional_int(m, "get_latency_samples", v) && v >= 0) model->delay = v;
        model->has_reset = (bool)m.find_method("reset");
    } catch (const std::exception &e) {
        err = "cannot read " + path + " as an nn~ model: " + error_text(e);
        return nullptr;
    }
    return model;
}

// ------------------------------------------------------------------------- one running method

struct Runner {
    std::shared_ptr<Model> model;
    MethodInfo info;
    torch::jit::Method method;
    int buffer;                  // B: samples per model call
    int n_in, n_out;             // time steps of the model's input / output tensors
    std::vector<float> in_buf;   // (in_ch, n_in), wrapped by in_tensor
    at::Tensor in_tensor;
    std::vector<c10::IValue> stack;

    // streaming, set by prepare(block)
    int block = 0;               // Pd block size prepared for; 0: not yet
    int latency = 0;             // L = B - gcd(B, block)
    int cap = 0;                 // FIFO capacity per channel
    std::vector<float> fifo;     // (out_ch, cap)
    int rpos = 0, fill = 0, collected = 0;

    // statistics since this runner started
    long calls = 0, overruns = 0, errors = 0;
    double total_ms = 0, max_ms = 0;

    Runner(std::shared_ptr<Model> m, const MethodInfo &mi, int b)
        : model(std::move(m)), info(mi), method(model->module.get_method(mi.name)), buffer(b) {
        n_in = buffer / info.in_ratio;
        n_out = buffer / info.out_ratio;
        in_buf.assign((size_t)info.in_ch * n_in, 0.f);
        in_tensor = torch::from_blob(in_buf.data(), {1, info.in_ch, n_in}, torch::kFloat);
        stack.reserve(8);
    }

    // Runs the method once on in_buf; on success `out` holds a contiguous float
    // (1, out_ch, n_out) tensor. Never throws; `err` gets the reason on failure.
    bool run_once(at::Tensor &out, char *err, size_t errlen) {
        try {
            c10::InferenceMode guard;
            stack.clear();
            stack.emplace_back(in_tensor);
            method.run(stack);
            if (stack.empty() || !stack.back().isTensor()) {
                stack.clear();
                snprintf(err, errlen, "method '%s' did not return a tensor", info.name.c_str());
                return false;
            }
            out = stack.back().toTensor();
            stack.clear();
            if (out.dim() != 3 || out.size(0) != 1 || out.size(1) != info.out_ch || out.size(2) != n_out) {
                char shape[96] = "";
                size_t len = 0;
                for (int64_t d = 0; d < out.dim() && len + 24 < sizeof(shape); d++)
                    len += snprintf(shape + len, sizeof(shape) - len, "%s%lld", d ? ", " : "", (long long)out.size(d));
                snprintf(err, errlen,
                         "model output size is not consistent: method '%s' returned [%s], expected [1, %d, %d]",
                         info.name.c_str(), shape, info.out_ch, n_out);
                out = at::Tensor();
                return false;
            }
            if (out.scalar_type() != at::kFloat) out = out.to(at::kFloat);
            out = out.contiguous();
            return true;
        } catch (const c10::Error &e) {
            stack.clear();
            failed(e.what_without_backtrace(), err, errlen);
        } catch (const std::exception &e) {
            stack.clear();
            failed(e.what(), err, errlen);
        } catch (...) {
            stack.clear();
            snprintf(err, errlen, "method '%s' failed with an unknown exception", info.name.c_str());
        }
        return false;
    }

    void failed(const char *what, char *err, size_t errlen) {
        int k = snprintf(err, errlen, "method '%s' failed: ", info.name.c_str());
        if (k >= 0 && (size_t)k < errlen) one_line(what, err + k, errlen - k);
    }

    // Sizes the output FIFO for Pd block size `n` and restarts the stream: L zeros queued.
    void prepare(int n) {
        block = n;
        latency = buffer - std::gcd(buffer, n);
        cap = latency + n + 2 * buffer;
        fifo.assign((size_t)info.out_ch * cap, 0.f);
        restart();
    }
    void restart() {
        std::fill(fifo.begin(), fifo.end(), 0.f);
        std::fill(in_buf.begin(), in_buf.end(), 0.f);
        rpos = 0;
        fill = latency;
        collected = 0;
    }

    // One model call on the collected buffer; appends `buffer` samples per channel to the FIFO
    // (silence when the call fails). Returns false on failure with `err` set.
    bool process(double budget_ms, char *err, size_t errlen) {
        auto t0 = std::chrono::steady_clock::now();
        at::Tensor out;
        bool ok = run_once(out, err, errlen);
        int wpos = (rpos + fill) % cap;
        if (fill + buffer > cap) {  // cannot happen with cap >= L + N + B; never overrun memory
            snprintf(err, errlen, "internal error: output FIFO overflow");
            return false;
        }
        for (int c = 0; c < info.out_ch; c++) {
            float *dst = fifo.data() + (size_t)c * cap;
            int p = wpos;
            if (ok) {
                const float *src = out.data_ptr<float>() + (size_t)c * n_out;
                for (int k = 0; k < n_out; k++) {
                    float v = src[k];
                    for (int r = 0; r < info.out_ratio; r++) {
                        dst[p] = v;
                        if (++p == cap) p = 0;
                    }
                }
            } else {
                for (int k = 0; k < buffer; k++) {
                    dst[p] = 0.f;
                    if (++p == cap) p = 0;
                }
            }
        }
        fill += buffer;
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        calls++;
        total_ms += ms;
        if (ms > max_ms) max_ms = ms;
        if (ms > budget_ms) overruns++;
        if (!ok) errors++;
        return ok;
    }
};

// ----------------------------------------------------------------------------- the Pd object

struct State {
    std::shared_ptr<Model> model;      // may be loaded while no method runs
    std::unique_ptr<Runner> run;       // what perform runs; null: silence
    std::string method = "forward";
    int req_buffer = 0;                // 0: the model's ratio
    bool enabled = true;
    uint64_t seed = 0;                 // libtorch's random generator is reseeded with it on reset
    int block = 0;                     // from the last dsp call; 0: DSP never set up
    t_float sr = 0;
    t_float warned_sr = -1;
    std::vector<t_sample *> ins, outs;
    char err[512] = "";                // first perform error since the last (re)start
    bool err_pending = false, err_reported = false;
};

}  // namespace

typedef struct _brave {
    t_object x_obj;
    t_float x_f;
    t_canvas *x_canvas;
    int x_nin, x_nout;                 // signal inlets / outlets, fixed at creation
    t_outlet *x_info;                  // rightmost outlet: info messages
    t_clock *x_clock;                  // reports perform errors from the scheduler
    State *x_st;
} t_brave;

namespace {

bool resolve_path(t_brave *x, const std::string &name, std::string &out) {
    std::vector<std::string> candidates;
    if (ends_with(name, ".ts")) {
        candidates.push_back(name);
    } else {
        candidates.push_back(name + ".ts");
        candidates.push_back(name);
    }
    for (const std::string &c : candidates) {
        char dir[MAXPDSTRING];
        char *base = nullptr;
        int fd = canvas_open(x->x_canvas, c.c_str(), "", dir, &base, MAXPDSTRING, 1);
        if (fd >= 0) {
            sys_close(fd);
            out = std::string(dir) + "/" + base;
            return true;
        }
    }
    return false;
}

std::shared_ptr<Model> load_file(t_brave *x, const std::string &name) {
    std::string path;
    if (!resolve_path(x, name, path)) {
        pd_error(x, "brave~: model file '%s' not found (looked for %s next to the patch and on Pd's search path)",
                 name.c_str(), ends_with(name, ".ts") ? name.c_str() : (name + ".ts").c_str());
        return nullptr;
    }
    std::string err;
    std::vector<std::string> warnings;
    auto model = read_model(path, err, warnings);
    for (auto &w : warnings) post("brave~: warning: %s", w.c_str());
    if (!model) {
        pd_error(x, "brave~: %s", err.c_str());
        return nullptr;
    }
    return model;
}

void describe_model(const Model &m) {
    std::string s;
    for (auto &mi : m.methods) {
        char buf[160];
        snprintf(buf, sizeof(buf), "%s%s (%d in, %d out, ratios %d/%d)", s.empty() ? "" : ", ",
                 mi.name.c_str(), mi.in_ch, mi.out_ch, mi.in_ratio, mi.out_ratio);
        s += buf;
    }
    post("brave~: loaded %s: %s", m.path.c_str(), s.c_str());
}

void info_out(t_brave *x, const char *sel, std::initializer_list<t_float> values) {
    std::vector<t_atom> av(values.size());
    size_t i = 0;
    for (t_float v : values) {
        SETFLOAT(&av[i], v);  // a macro: no side effects in its arguments
        i++;
    }
    outlet_anything(x->x_info, gensym(sel), (int)av.size(), av.data());
}

void check_sample_rate(t_brave *x) {
    State *st = x->x_st;
    if (!st->model || !st->run || st->sr <= 0 || st->model->sample_rate <= 0) return;
    if ((long)st->sr != st->model->sample_rate) {
        if (st->warned_sr != st->sr)
            post("brave~: warning: Pd runs at %g Hz but the model was made for %ld Hz: it will sound "
                 "transposed (start Pd with -r %ld)", st->sr, st->model->sample_rate, st->model->sample_rate);
        st->warned_sr = st->sr;
    } else {
        st->warned_sr = -1;
    }
}

// Models that sample (RAVE's latent noise) draw from libtorch's default CPU generator: reseeding
// it makes the output after a reset reproducible.
void reseed(uint64_t seed) {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_current_seed(seed);
}

// Makes `model` run `method` with buffer request `req` (0: the model's ratio). On success the
// new runner replaces the old one; on failure the object outputs silence (model kept loaded).
bool configure(t_brave *x, std::shared_ptr<Model> model, const std::string &method, int req) {
    State *st = x->x_st;
    st->model = model;
    st->method = method;
    st->req_buffer = req;
    st->run.reset();
    if (!model) return false;
    const MethodInfo *mi = model->find(method);
    if (!mi) {
        pd_error(x, "brave~: %s has no method '%s'; available: %s", model->path.c_str(), method.c_str(),
                 model->names().c_str());
        return false;
    }
    if (mi->in_ch > x->x_nin || mi->out_ch > x->x_nout) {
        pd_error(x, "brave~: method '%s' needs %d signal inlet(s) and %d signal outlet(s) but this object "
                 "was created with %d and %d: create [brave~ %s %s] instead",
                 method.c_str(), mi->in_ch, mi->out_ch, x->x_nin, x->x_nout, model->path.c_str(), method.c_str());
        return false;
    }
    int q = model->ratio;
    int b = req > 0 ? req : q;
    if (b > kMaxBuffer) {
        pd_error(x, "brave~: buffer %d is too large (at most %d)", b, kMaxBuffer);
        return false;
    }
    if (b % q) {
        int up = (b / q + 1) * q;
        post("brave~: warning: buffer %d is not a multiple of the model's ratio %d: using %d", b, q, up);
        b = up;
    }
    std::unique_ptr<Runner> r;
    try {
        r = std::make_unique<Runner>(model, *mi, b);
    } catch (const std::exception &e) {
        pd_error(x, "brave~: cannot set up method '%s': %s", method.c_str(), error_text(e).c_str());
        return false;
    }
    // Warm-up calls on silence: they check the output shape now rather than in perform, and let
    // the JIT do its profiling and optimization here instead of on the first audio buffers.
    char err[512];
    for (int i = 0; i < kWarmupCalls; i++) {
        at::Tensor out;
        if (!r->run_once(out, err, sizeof(err))) {
            pd_error(x, "brave~: %s (test call with buffer %d)", short_error(err).c_str(), b);
            return false;
        }
    }
    if (model->has_reset) {
        try {
            c10::InferenceMode guard;
            model->module.get_method("reset")(std::vector<c10::IValue>{});
        } catch (const std::exception &e) {
            pd_error(x, "brave~: the model's reset() failed: %s", error_text(e).c_str());
            return false;
        }
    }
    if (st->block > 0) r->prepare(st->block);
    st->run = std::move(r);
    st->err_pending = st->err_reported = false;
    check_sample_rate(x);
    return true;
}

bool load_and_configure(t_brave *x, const std::string &name, const std::string &method, int req) {
    std::shared_ptr<Model> model;
    try {
        model = load_file(x, name);
    } catch (const std::exception &e) {
        pd_error(x, "brave~: %s", error_text(e).c_str());
    }
    if (!model) {
        configure(x, nullptr, method, req);  // silence until a good load
        return false;
    }
    describe_model(*model);
    if (!configure(x, model, method, req)) return false;
    State *st = x->x_st;
    post("brave~: running '%s' with buffer %d (%s)", method.c_str(), st->run->buffer,
         st->block > 0 ? ("added latency " + std::to_string(st->run->latency) + " samples at block " +
                          std::to_string(st->block)).c_str()
                       : "added latency = buffer - gcd(buffer, block) samples");
    return true;
}

}  // namespace

// ------------------------------------------------------------------------------------- DSP

static t_int *brave_perform(t_int *w) {
    t_brave *x = (t_brave *)(w[1]);
    int n = (int)(w[2]);
    State *st = x->x_st;
    Runner *r = st->run.get();
    int nout = x->x_nout;
    if (!r || !st->enabled || r->block != n) {
        for (int c = 0; c < nout; c++) std::memset(st->outs[c], 0, sizeof(t_sample) * n);
        return w + 3;
    }
    const MethodInfo &mi = r->info;
    double budget_ms = st->sr > 0 ? 1000.0 * r->buffer / st->sr : 1e300;

    // 1. consume all inputs first (Pd may hand us the same memory for inputs and outputs)
    int i = 0;
    while (i < n) {
        int take = std::min(n - i, r->buffer - r->collected);
        for (int c = 0; c < mi.in_ch; c++) {
            const t_sample *src = st->ins[c] + i;
            float *dst = r->in_buf.data() + (size_t)c * r->n_in;
            if (mi.in_ratio == 1) {
                for (int j = 0; j < take; j++) dst[r->collected + j] = src[j];
            } else {  // keep one sample in every in_ratio
                for (int j = 0; j < take; j++) {
                    int pos = r->collected + j;
                    if (pos % mi.in_ratio == 0) dst[pos / mi.in_ratio] = src[j];
                }
            }
        }
        r->collected += take;
        i += take;
        if (r->collected == r->buffer) {
            r->collected = 0;
            if (!r->process(budget_ms, st->err, sizeof(st->err)) && !st->err_reported) {
                st->err_reported = st->err_pending = true;
                clock_delay(x->x_clock, 0);
            }
        }
    }
    // 2. output n samples from the FIFO
    int avail = std::min(n, r->fill);  // == n by construction
    for (int c = 0; c < nout; c++) {
        t_sample *out = st->outs[c];
        if (c >= mi.out_ch) {
            std::memset(out, 0, sizeof(t_sample) * n);
            continue;
        }
        const float *src = r->fifo.data() + (size_t)c * r->cap;
        int p = r->rpos;
        for (int j = 0; j < avail; j++) {
            out[j] = src[p];
            if (++p == r->cap) p = 0;
        }
        for (int j = avail; j < n; j++) out[j] = 0;
    }
    r->rpos = (r->rpos + avail) % r->cap;
    r->fill -= avail;
    return w + 3;
}

static void brave_dsp(t_brave *x, t_signal **sp) {
    State *st = x->x_st;
    int n = sp[0]->s_n;
    try {
        st->ins.resize(x->x_nin);
        st->outs.resize(x->x_nout);
    } catch (const std::exception &) {
        pd_error(x, "brave~: out of memory");
        return;
    }
    for (int c = 0; c < x->x_nin; c++) st->ins[c] = sp[c]->s_vec;
    for (int c = 0; c < x->x_nout; c++) st->outs[c] = sp[x->x_nin + c]->s_vec;
    st->block = n;
    st->sr = sp[0]->s_sr;
    if (st->run && st->run->block != n) {
        try {
            st->run->prepare(n);
        } catch (const std::exception &) {
            pd_error(x, "brave~: out of memory");
            st->run.reset();
        }
    }
    check_sample_rate(x);
    dsp_add(brave_perform, 2, x, (t_int)n);
}

static void brave_tick(t_brave *x) {
    State *st = x->x_st;
    if (!st->err_pending) return;
    st->err_pending = false;
    pd_error(x, "brave~: %s (output silence for that buffer; further errors are only counted, see 'stats')",
             short_error(st->err).c_str());
}

// ---------------------------------------------------------------------------------- messages

static void do_load(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    State *st = x->x_st;
    if (argc < 1 || argv[0].a_type != A_SYMBOL) {
        pd_error(x, "brave~: usage: load PATH [METHOD [BUFFER]]");
        return;
    }
    std::string name = atom_getsymbol(&argv[0])->s_name;
    std::string method = argc > 1 && argv[1].a_type == A_SYMBOL ? atom_getsymbol(&argv[1])->s_name : st->method;
    int req = st->req_buffer;
    for (int i = 1; i < argc; i++)
        if (argv[i].a_type == A_FLOAT) req = std::max(0, (int)atom_getfloat(&argv[i]));
    bool ok = load_and_configure(x, name, method, req);
    info_out(x, "loaded", {(t_float)ok});
}

static void do_reload(t_brave *x) {
    State *st = x->x_st;
    if (!st->model) {
        pd_error(x, "brave~: reload: no model loaded");
        return;
    }
    std::string path = st->model->path;
    bool ok = load_and_configure(x, path, st->method, st->req_buffer);
    info_out(x, "loaded", {(t_float)ok});
}

static void do_method(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    State *st = x->x_st;
    if (!st->model) {
        pd_error(x, "brave~: method: no model loaded");
        return;
    }
    if (argc < 1 || argv[0].a_type != A_SYMBOL) {
        post("brave~: %s: methods %s; running: %s", st->model->path.c_str(), st->model->names().c_str(),
             st->run ? st->run->info.name.c_str() : "none");
        return;
    }
    bool ok = configure(x, st->model, atom_getsymbol(&argv[0])->s_name, st->req_buffer);
    if (ok) post("brave~: running '%s' with buffer %d", st->method.c_str(), st->run->buffer);
    info_out(x, "loaded", {(t_float)ok});
}

static void do_buffer(t_brave *x, t_floatarg f) {
    State *st = x->x_st;
    if (f < 0 || f > kMaxBuffer) {
        pd_error(x, "brave~: buffer must be 0 (the model's ratio) to %d samples", kMaxBuffer);
        return;
    }
    if (!st->model) {  // remembered for the next load
        st->req_buffer = (int)f;
        return;
    }
    bool ok = configure(x, st->model, st->method, (int)f);
    if (ok) post("brave~: running '%s' with buffer %d", st->method.c_str(), st->run->buffer);
    info_out(x, "loaded", {(t_float)ok});
}

// reset: the model's streaming state zeroed (its reset(), else a reload of the file), the
// buffering restarted, and libtorch's random generator reseeded last (after the reload's warm-up
// calls), so that the output from a reset on is the same every time.
static void do_reset(t_brave *x) {
    State *st = x->x_st;
    if (!st->model) {
        pd_error(x, "brave~: reset: no model loaded");
        return;
    }
    bool reset_ok = st->model->has_reset && st->run;
    if (reset_ok) {
        try {
            c10::InferenceMode guard;
            st->model->module.get_method("reset")(std::vector<c10::IValue>{});
        } catch (const std::exception &e) {
            pd_error(x, "brave~: the model's reset() failed: %s", error_text(e).c_str());
            reset_ok = false;
        }
    }
    if (reset_ok) {
        if (st->run->block > 0) st->run->restart();
        st->err_pending = st->err_reported = false;
    } else {  // no reset(): start from a fresh copy of the file
        do_reload(x);
    }
    reseed(st->seed);
}

static void do_seed(t_brave *x, t_floatarg f) {
    if (f < 0 || f != (t_float)(long)f) {
        pd_error(x, "brave~: seed must be a whole number >= 0");
        return;
    }
    x->x_st->seed = (uint64_t)f;
    reseed(x->x_st->seed);
}

// The model's attributes (nn~'s protocol): get_attributes() lists them (after a "none"
// placeholder), ATTR_params holds one type code per value (0 bool, 1 int, 2 float, 3 str,
// 4 tensor), set_ATTR(values...) sets them.
static std::vector<std::string> attributes(torch::jit::Module &m) {
    std::vector<std::string> names;
    if (auto ga = m.find_method("get_attributes")) {
        try {
            c10::InferenceMode guard;
            c10::IValue v = (*ga)(std::vector<c10::IValue>{});
            if (v.isList())
                for (const c10::IValue &e : v.toListRef())
                    if (e.isString() && e.toStringRef() != "none") names.push_back(e.toStringRef());
        } catch (const std::exception &) {
        }
    }
    return names;
}

static std::string joined(const std::vector<std::string> &v) {
    std::string s;
    for (auto &e : v) s += (s.empty() ? "" : ", ") + e;
    return s.empty() ? "none" : s;
}

static void do_set(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    State *st = x->x_st;
    if (!st->model) {
        pd_error(x, "brave~: set: no model loaded");
        return;
    }
    if (argc < 1 || argv[0].a_type != A_SYMBOL) {
        pd_error(x, "brave~: usage: set ATTRIBUTE VALUES...");
        return;
    }
    torch::jit::Module &m = st->model->module;
    std::string name = atom_getsymbol(&argv[0])->s_name;
    std::vector<std::string> names = attributes(m);
    auto setter = m.find_method("set_" + name);
    if (std::find(names.begin(), names.end(), name) == names.end() || !setter || !m.hasattr(name + "_params")) {
        pd_error(x, "brave~: %s has no attribute '%s'; available: %s", st->model->path.c_str(), name.c_str(),
                 joined(names).c_str());
        return;
    }
    at::Tensor codes = m.attr(name + "_params").toTensor().to(at::kLong).contiguous().view({-1});
    int n = (int)codes.numel();
    if (argc - 1 != n) {
        pd_error(x, "brave~: attribute '%s' takes %d value(s), got %d", name.c_str(), n, argc - 1);
        return;
    }
    std::vector<c10::IValue> args;
    for (int i = 0; i < n; i++) {
        const t_atom *a = &argv[i + 1];
        long code = codes.data_ptr<int64_t>()[i];
        bool num = a->a_type == A_FLOAT;
        std::string sym = a->a_type == A_SYMBOL ? atom_getsymbol(a)->s_name : "";
        if (code == 0 && num) args.emplace_back(atom_getfloat(a) != 0);
        else if (code == 0 && (sym == "true" || sym == "false")) args.emplace_back(sym == "true");
        else if (code == 1 && num) args.emplace_back((int64_t)atom_getfloat(a));
        else if (code == 2 && num) args.emplace_back((double)atom_getfloat(a));
        else if (code == 3 && !num) args.emplace_back(sym);
        else {
            static const char *types[] = {"a bool (0/1)", "an int", "a float", "a symbol", "a tensor"};
            pd_error(x, "brave~: attribute '%s': value %d must be %s", name.c_str(), i + 1,
                     code >= 0 && code <= 4 ? types[code] : "of an unknown type");
            return;
        }
    }
    {
        c10::InferenceMode guard;
        (*setter)(args);
    }
    std::string text;
    for (int i = 1; i < argc; i++) {
        char buf[MAXPDSTRING];
        atom_string(&argv[i], buf, sizeof(buf));
        text += std::string(" ") + buf;
    }
    post("brave~: %s =%s", name.c_str(), text.c_str());
}

static void brave_enable(t_brave *x, t_floatarg f) {
    State *st = x->x_st;
    bool on = f != 0;
    if (on && !st->enabled && st->run && st->run->block > 0) st->run->restart();
    st->enabled = on;
}

static void brave_threads(t_brave *x, t_floatarg f) {
    int n = (int)f;
    if (n < 1 || n > 256) {
        pd_error(x, "brave~: threads must be 1 to 256");
        return;
    }
    try {
        at::set_num_threads(n);
    } catch (const std::exception &e) {
        pd_error(x, "brave~: threads: %s", error_text(e).c_str());
        return;
    }
    post("brave~: torch now uses %d intra-op thread(s) (for every brave~ in this Pd)", n);
}

static void do_latency(t_brave *x) {
    State *st = x->x_st;
    Runner *r = st->run.get();
    if (!r) {
        pd_error(x, "brave~: latency: no model running");
        return;
    }
    int block = st->block > 0 ? st->block : sys_getblksize();
    t_float sr = st->sr > 0 ? st->sr : sys_getsr();
    int added = r->buffer - std::gcd(r->buffer, block);
    double ms = 1000.0 * added / sr;
    long delay = st->model->delay;
    long total = added + std::max(0L, delay);
    double total_ms = 1000.0 * total / sr;
    char own[160] = "the model does not report its own delay";
    if (delay >= 0)
        snprintf(own, sizeof(own), "model's own delay %ld samples (%.3f ms); total %ld samples (%.3f ms)", delay,
                 1000.0 * delay / sr, total, total_ms);
    post("brave~: latency: added %d samples (%.3f ms at %g Hz) = buffer %d - gcd(buffer, block %d)%s; %s", added,
         ms, sr, r->buffer, block, st->block > 0 ? "" : " [DSP not started: Pd's default block]", own);
    info_out(x, "latency", {(t_float)added, (t_float)ms, (t_float)delay, (t_float)total, (t_float)total_ms});
}

static void do_stats(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    State *st = x->x_st;
    Runner *r = st->run.get();
    if (!r) {
        pd_error(x, "brave~: stats: no model running");
        return;
    }
    if (argc > 0 && atom_getsymbol(&argv[0]) == gensym("reset")) {
        r->calls = r->overruns = r->errors = 0;
        r->total_ms = r->max_ms = 0;
        return;
    }
    t_float sr = st->sr > 0 ? st->sr : sys_getsr();
    double mean = r->calls ? r->total_ms / r->calls : 0;
    post("brave~: stats: %ld calls, compute mean %.3f ms, max %.3f ms per call; %ld overruns (calls longer than "
         "the buffer's %.3f ms); %ld errors",
         r->calls, mean, r->max_ms, r->overruns, 1000.0 * r->buffer / sr, r->errors);
    info_out(x, "stats", {(t_float)r->calls, (t_float)mean, (t_float)r->max_ms, (t_float)r->overruns,
                          (t_float)r->errors});
}

// bang: the state on the info outlet, in nn~'s words: loaded 0/1, then (when a model is loaded)
// enabled, model PATH, methods ..., method NAME, bufsize B, dim IN OUT, ratio IN OUT.
static void do_bang(t_brave *x) {
    State *st = x->x_st;
    info_out(x, "loaded", {(t_float)(st->run != nullptr)});
    if (!st->model) return;
    info_out(x, "enabled", {(t_float)st->enabled});
    t_atom a;
    SETSYMBOL(&a, gensym(st->model->path.c_str()));
    outlet_anything(x->x_info, gensym("model"), 1, &a);
    std::vector<t_atom> names(st->model->methods.size());
    for (size_t i = 0; i < names.size(); i++) SETSYMBOL(&names[i], gensym(st->model->methods[i].name.c_str()));
    outlet_anything(x->x_info, gensym("methods"), (int)names.size(), names.data());
    SETSYMBOL(&a, gensym(st->method.c_str()));
    outlet_anything(x->x_info, gensym("method"), 1, &a);
    if (!st->run) return;
    const MethodInfo &mi = st->run->info;
    info_out(x, "bufsize", {(t_float)st->run->buffer});
    info_out(x, "dim", {(t_float)mi.in_ch, (t_float)mi.out_ch});
    info_out(x, "ratio", {(t_float)mi.in_ratio, (t_float)mi.out_ratio});
}

// Exceptions never reach Pd: every message runs inside guard().
template <typename F>
static void guard(t_brave *x, const char *what, F &&f) {
    try {
        f();
    } catch (const std::exception &e) {
        pd_error(x, "brave~: %s: %s", what, error_text(e).c_str());
    } catch (...) {
        pd_error(x, "brave~: %s failed", what);
    }
}

static void brave_load(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    guard(x, "load", [&] { do_load(x, s, argc, argv); });
}
static void brave_reload(t_brave *x) { guard(x, "reload", [&] { do_reload(x); }); }
static void brave_method(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    guard(x, "method", [&] { do_method(x, s, argc, argv); });
}
static void brave_buffer(t_brave *x, t_floatarg f) { guard(x, "buffer", [&] { do_buffer(x, f); }); }
static void brave_reset(t_brave *x) { guard(x, "reset", [&] { do_reset(x); }); }
static void brave_bang(t_brave *x) { guard(x, "bang", [&] { do_bang(x); }); }
static void brave_seed(t_brave *x, t_floatarg f) { guard(x, "seed", [&] { do_seed(x, f); }); }
static void brave_set(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    guard(x, "set", [&] { do_set(x, s, argc, argv); });
}
static void brave_latency(t_brave *x) { guard(x, "latency", [&] { do_latency(x); }); }
static void brave_stats(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    guard(x, "stats", [&] { do_stats(x, s, argc, argv); });
}

// --------------------------------------------------------------------------- new / free / setup

static void *brave_new(t_symbol *s, int argc, t_atom *argv) {
    t_brave *x = (t_brave *)pd_new(brave_class);
    x->x_canvas = canvas_getcurrent();
    x->x_clock = clock_new(x, (t_method)brave_tick);
    try {
        x->x_st = new State();
    } catch (const std::exception &) {
        pd_error(x, "brave~: out of memory");
        clock_free(x->x_clock);
        pd_free((t_pd *)x);
        return nullptr;
    }
    State *st = x->x_st;
    std::string method = "forward";
    int req = 0;
    std::shared_ptr<Model> model;
    guard(x, "creation", [&] {
        std::string model_name;
        int nsym = 0;
        for (int i = 0; i < argc; i++) {
            if (argv[i].a_type == A_SYMBOL) {
                if (nsym == 0) model_name = atom_getsymbol(&argv[i])->s_name;
                else if (nsym == 1) method = atom_getsymbol(&argv[i])->s_name;
                else pd_error(x, "brave~: ignoring extra argument '%s'", atom_getsymbol(&argv[i])->s_name);
                nsym++;
            } else if (argv[i].a_type == A_FLOAT) {
                t_float f = atom_getfloat(&argv[i]);
                if (f < 0 || f > kMaxBuffer) pd_error(x, "brave~: ignoring buffer %g (0 to %d)", f, kMaxBuffer);
                else req = (int)f;
            }
        }
        st->method = method;
        st->req_buffer = req;
        if (!model_name.empty()) model = load_file(x, model_name);
    });
    // Signal inlets/outlets: the creation method's channel counts (like nn~), the largest over
    // all methods when that method is unknown, 1 and 1 without a model. Fixed from now on.
    x->x_nin = x->x_nout = 1;
    if (model) {
        if (const MethodInfo *mi = model->find(method)) {
            x->x_nin = mi->in_ch;
            x->x_nout = mi->out_ch;
        } else {
            for (auto &m : model->methods) {
                x->x_nin = std::max(x->x_nin, m.in_ch);
                x->x_nout = std::max(x->x_nout, m.out_ch);
            }
        }
    }
    for (int c = 1; c < x->x_nin; c++) inlet_new(&x->x_obj, &x->x_obj.ob_pd, &s_signal, &s_signal);
    for (int c = 0; c < x->x_nout; c++) outlet_new(&x->x_obj, &s_signal);
    x->x_info = outlet_new(&x->x_obj, nullptr);

    if (model) {
        guard(x, "creation", [&] {
            describe_model(*model);
            if (configure(x, model, method, req))
                post("brave~: running '%s' with buffer %d (added latency = buffer - gcd(buffer, block) samples)",
                     method.c_str(), st->run->buffer);
        });
    }
    return x;
}

static void brave_free(t_brave *x) {
    clock_free(x->x_clock);
    delete x->x_st;
}

extern "C" __attribute__((visibility("default"))) void brave_tilde_setup(void) {
    brave_class = class_new(gensym("brave~"), (t_newmethod)brave_new, (t_method)brave_free, sizeof(t_brave),
                            CLASS_DEFAULT, A_GIMME, 0);
    CLASS_MAINSIGNALIN(brave_class, t_brave, x_f);
    class_addmethod(brave_class, (t_method)brave_dsp, gensym("dsp"), A_CANT, 0);
    class_addmethod(brave_class, (t_method)brave_load, gensym("load"), A_GIMME, 0);
    class_addmethod(brave_class, (t_method)brave_reload, gensym("reload"), A_NULL);
    class_addmethod(brave_class, (t_method)brave_method, gensym("method"), A_GIMME, 0);
    class_addmethod(brave_class, (t_method)brave_buffer, gensym("buffer"), A_FLOAT, 0);
    class_addmethod(brave_class, (t_method)brave_buffer, gensym("bufsize"), A_FLOAT, 0);  // nn~'s name
    class_addmethod(brave_class, (t_method)brave_reset, gensym("reset"), A_NULL);
    class_addbang(brave_class, (t_method)brave_bang);
    class_addmethod(brave_class, (t_method)brave_seed, gensym("seed"), A_FLOAT, 0);
    class_addmethod(brave_class, (t_method)brave_set, gensym("set"), A_GIMME, 0);
    class_addmethod(brave_class, (t_method)brave_enable, gensym("enable"), A_FLOAT, 0);
    class_addmethod(brave_class, (t_method)brave_threads, gensym("threads"), A_FLOAT, 0);
    class_addmethod(brave_class, (t_method)brave_latency, gensym("latency"), A_NULL);
    class_addmethod(brave_class, (t_method)brave_stats, gensym("stats"), A_GIMME, 0);
    try {
        at::set_num_threads(1);
        at::set_num_interop_threads(1);
    } catch (const std::exception &) {
        // the interop pool is already running (another libtorch user in this Pd): keep it
    }
    post("brave~: nn~-protocol model runner, libtorch %s", TORCH_VERSION);
}
