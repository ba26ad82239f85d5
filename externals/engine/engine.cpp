// brave engine (see engine.hpp): the only translation unit that includes libtorch's headers.
//
// Streaming. With BUFFER = B samples per model call and the host's block of N samples, each
// perform() first consumes its N input samples, handing the collected buffer to the model each
// time B samples are in, then outputs N samples from an output FIFO. The FIFO starts with
// L = B - gcd(B, N) zeros: the least head start that never lets it run dry, since after block k
// it has received B * floor(kN / B) samples and must have given out kN, and kN mod B takes at
// most the value B - gcd(B, N).
//
// Synchronous mode calls the model inside perform() as soon as a buffer is complete: least
// latency, but the call must fit in the audio callback. Worker mode hands each buffer to the
// runner's worker thread and appends the result of the buffer K before it instead (K = the
// lookahead), so every output arrives exactly K buffers later (head start L + K B) and each call
// has K buffers of wall-clock time, plus what perform may wait for it (the host's deadline). See
// Runner for the job slots. Perform never allocates in worker mode; a result that is not there by
// the deadline means silence for that buffer, counted as late.
//
// A new model swaps in between two perform() calls. When it runs the same buffering as the old
// one, it continues the old one's stream (no silence inserted); else the stream restarts.

#include "engine.hpp"

#include <torch/script.h>
#include <torch/version.h>
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <caffe2/serialize/versions.h>

#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <mutex>
#include <numeric>
#include <sstream>
#include <thread>

namespace brave {

int added_latency(int buffer, int block, bool worker, int lookahead) {
    if (buffer <= 0 || block <= 0) return 0;
    return buffer - std::gcd(buffer, block) + (worker ? std::max(1, lookahead) * buffer : 0);
}

const char *torch_version() { return TORCH_VERSION; }

int machine_cores() {
    unsigned n = std::thread::hardware_concurrency();
    return n ? (int)n : 1;
}

// libtorch's intra-op thread count is per thread with OpenMP (omp_set_num_threads sets the
// calling thread's value): the engine's own threads apply this one before each job, or a fresh
// thread would run every call with one OpenMP thread per core, spinning against the others.
static std::atomic<int> g_threads{1};

static void apply_threads(int &applied) {
    int want = g_threads.load();
    if (applied == want) return;
    try {
        at::set_num_threads(want);
    } catch (const std::exception &) {
    }
    applied = want;
}

int set_torch_threads(int n, std::string &why) {
    int cores = machine_cores();
    if (n > cores) {
        why = "this machine has " + std::to_string(cores) + " core(s): more threads than cores only make every call "
              "slower; using " + std::to_string(cores);
        n = cores;
    }
    try {
        at::set_num_threads(n);
    } catch (const std::exception &e) {
        why = e.what();
        return 0;
    }
    g_threads.store(n);
    return n;
}

void init_torch_threads() {
    g_threads.store(1);
    try {
        at::set_num_threads(1);
        at::set_num_interop_threads(1);
    } catch (const std::exception &) {
        // the inter-op pool is already running (another libtorch user in this process): keep it
    }
}

void reseed(uint64_t seed) {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_current_seed(seed);
}

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

// ------------------------------------------------------------------------------- error text

namespace {

// One line of a torch error, copied into dst without allocating (the audio side uses it): the
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
        if (q < e) {
            best = q;
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
    // Errors can quote bytes of a damaged file: keep the line printable ASCII for the console.
    for (char *p = buf; *p; ++p)
        if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e) *p = '?';
    return buf;
}

std::string error_text(const std::exception &e) {
    if (auto *c = dynamic_cast<const c10::Error *>(&e)) return short_error(c->what_without_backtrace());
    return short_error(e.what());
}

bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// ------------------------------------------------------------- what kind of file it is (zip)

// TorchScript files are zip archives (stored, not compressed) with one top folder holding
// data.pkl, code/ and a `version` record: the file format version, which torch 2.5.1 writes as
// the lowest version that can read the file (3 for most models; up to 10 when the model uses an
// operator whose meaning changed). A newer torch that changes an operator writes a higher one.
// torch.save() files are zip archives too, without code/.
struct ZipEntry {
    std::string name;
    uint64_t local_offset = 0;
    uint32_t size = 0;
    uint16_t method = 0;
};

uint32_t le(const unsigned char *p, int n) {
    uint32_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

// The archive's entries, from its central directory; false when the file is not a zip archive.
bool zip_entries(std::ifstream &f, std::vector<ZipEntry> &out) {
    f.seekg(0, std::ios::end);
    std::streamoff size = f.tellg();
    if (size < 22) return false;
    std::streamoff tail = std::min<std::streamoff>(size, 65535 + 22);
    std::vector<unsigned char> t((size_t)tail);
    f.seekg(size - tail);
    f.read((char *)t.data(), tail);
    if (!f) return false;
    long eocd = -1;
    for (long i = (long)tail - 22; i >= 0; i--)
        if (le(&t[i], 4) == 0x06054b50) { eocd = i; break; }
    if (eocd < 0) return false;
    uint64_t n = le(&t[eocd + 10], 2), cd_size = le(&t[eocd + 12], 4), cd_off = le(&t[eocd + 16], 4);
    if ((cd_off == 0xffffffffu || n == 0xffff) && eocd >= 20 && le(&t[eocd - 20], 4) == 0x07064b50) {  // zip64
        uint64_t z64 = le(&t[eocd - 12], 4) | ((uint64_t)le(&t[eocd - 8], 4) << 32);
        unsigned char r[56];
        f.seekg((std::streamoff)z64);
        f.read((char *)r, sizeof(r));
        if (!f || le(r, 4) != 0x06064b50) return false;
        n = le(r + 32, 4) | ((uint64_t)le(r + 36, 4) << 32);
        cd_size = le(r + 40, 4) | ((uint64_t)le(r + 44, 4) << 32);
        cd_off = le(r + 48, 4) | ((uint64_t)le(r + 52, 4) << 32);
    }
    if (cd_off + cd_size > (uint64_t)size || cd_size > (64u << 20)) return false;
    std::vector<unsigned char> cd((size_t)cd_size);
    f.seekg((std::streamoff)cd_off);
    f.read((char *)cd.data(), (std::streamsize)cd_size);
    if (!f) return false;
    size_t p = 0;
    for (uint64_t i = 0; i < n && p + 46 <= cd.size(); i++) {
        if (le(&cd[p], 4) != 0x02014b50) return false;
        size_t nl = le(&cd[p + 28], 2), xl = le(&cd[p + 30], 2), cl = le(&cd[p + 32], 2);
        if (p + 46 + nl > cd.size()) return false;
        ZipEntry e;
        e.method = (uint16_t)le(&cd[p + 10], 2);
        e.size = le(&cd[p + 20], 4);
        e.local_offset = le(&cd[p + 42], 4);
        e.name.assign((const char *)&cd[p + 46], nl);
        out.push_back(std::move(e));
        p += 46 + nl + xl + cl;
    }
    return true;
}

// A small stored (uncompressed) entry's bytes; "" when it cannot be read.
std::string zip_read_small(std::ifstream &f, const ZipEntry &e) {
    if (e.method != 0 || e.size > 64 || e.local_offset == 0xffffffffu) return "";
    unsigned char h[30];
    f.clear();
    f.seekg((std::streamoff)e.local_offset);
    f.read((char *)h, sizeof(h));
    if (!f || le(h, 4) != 0x04034b50) return "";
    f.seekg((std::streamoff)(e.local_offset + 30 + le(h + 26, 2) + le(h + 28, 2)));
    std::string s(e.size, '\0');
    f.read(&s[0], e.size);
    return f ? s : "";
}

// The torch version a sidecar MODEL.json next to the model names ("torch_version": "X"), if any.
std::string sidecar_torch_version(const std::string &path) {
    std::string json = (ends_with(path, ".ts") ? path.substr(0, path.size() - 3) : path) + ".json";
    std::ifstream f(json);
    if (!f) return "";
    std::stringstream ss;
    ss << f.rdbuf();
    std::string s = ss.str();
    size_t k = s.find("\"torch_version\"");
    if (k == std::string::npos) return "";
    size_t a = s.find('"', s.find(':', k) + 1);
    size_t b = a == std::string::npos ? a : s.find('"', a + 1);
    return b == std::string::npos ? "" : s.substr(a + 1, b - a - 1);
}

// "2.5.1+cu124" -> {2, 5, 1}; missing or non-numeric parts count as 0.
std::vector<long> version_numbers(const std::string &v) {
    std::vector<long> out;
    std::stringstream ss(v.substr(0, v.find('+')));
    std::string part;
    while (out.size() < 3 && std::getline(ss, part, '.')) out.push_back(std::strtol(part.c_str(), nullptr, 10));
    out.resize(3, 0);
    return out;
}

// The sidecar's torch version when it is newer than this libtorch ("" otherwise).
std::string newer_sidecar_torch(const std::string &path) {
    std::string v = sidecar_torch_version(path);
    return !v.empty() && version_numbers(v) > version_numbers(TORCH_VERSION) ? v : "";
}

std::string newer_torch(const std::string &path) {
    std::string v = sidecar_torch_version(path);
    return v.empty() ? "a newer torch" : "torch " + v + " (its .json says)";
}

// Checks that `path` is a TorchScript archive this libtorch can read; false with one line why.
bool check_archive(const std::string &path, std::string &err) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        err = "cannot open " + path + ": " + std::strerror(errno);
        return false;
    }
    std::vector<ZipEntry> entries;
    if (!zip_entries(f, entries) || entries.empty()) {
        err = path + " is not a TorchScript file (not a zip archive): export the model with torch.jit.script(...).save()";
        return false;
    }
    bool code = false, data = false;
    const ZipEntry *version = nullptr;
    for (auto &e : entries) {
        size_t slash = e.name.find('/');
        std::string rest = slash == std::string::npos ? e.name : e.name.substr(slash + 1);
        if (rest.compare(0, 5, "code/") == 0) code = true;
        if (rest == "data.pkl") data = true;
        if (rest == "version" || rest == ".data/version") version = &e;
    }
    if (!code) {
        err = path + (data ? " is a torch.save() file (weights or a checkpoint), not TorchScript: export the model "
                             "with torch.jit.script(...).save() (brave-export export writes one)"
                           : " is a zip archive but not a TorchScript file (no code/ folder)");
        return false;
    }
    if (version) {
        std::string v = zip_read_small(f, *version);
        long n = std::strtol(v.c_str(), nullptr, 10);
        if (n > (long)caffe2::serialize::kMaxSupportedFileFormatVersion) {
            err = path + " was written by " + newer_torch(path) + ": TorchScript file format version " + std::to_string(n) +
                  ", but libtorch " + TORCH_VERSION + " (bundled with brave~) reads versions up to " +
                  std::to_string(caffe2::serialize::kMaxSupportedFileFormatVersion) + "; export it with torch " +
                  TORCH_VERSION;
            return false;
        }
    }
    return true;
}

// torch::jit::load's error, said for a musician: an operator or type this libtorch lacks means a
// newer torch wrote the file.
std::string load_error(const std::string &path, const std::string &what) {
    // fp16 exports hold fbgemm-packed products, which only x86-64 builds of libtorch have. Without
    // fbgemm (ARM) their packed weights fail as they are unpickled, in the quantized engine in use
    // (ONEDNN or QNNPACK: "... only supports INT8 bit width currently. Got Float"): only an fp16
    // product's packed weights are kept as float.
    if (what.find("linear_prepack_fp16") != std::string::npos || what.find("linear_dynamic_fp16") != std::string::npos ||
        what.find("bit width currently. Got Float") != std::string::npos)
        return path + " has fp16 weights, which need x86-64 and libtorch's fbgemm: this brave~ cannot run them (" +
               short_error(what) + "); export the model with --weights fp32";
    for (const char *key : {"Unknown builtin op: ", "Unknown type name '", "Unknown type constructor "}) {
        const char *p = std::strstr(what.c_str(), key);
        if (!p) continue;
        p += std::strlen(key);
        size_t len = std::strcspn(p, "'.\n ");
        return path + " uses '" + std::string(p, len) + "', which libtorch " + TORCH_VERSION +
               " (bundled with brave~) does not know: it was probably written by " + newer_torch(path) +
               "; export it with torch " + TORCH_VERSION;
    }
    return "cannot load " + path + " as a TorchScript model: " + short_error(what);
}

}  // namespace

// ---------------------------------------------------------------------------------- the model

class Model {
public:
    torch::jit::Module module;
    ModelInfo info;
};

const ModelInfo &model_info(const Model &m) { return m.info; }

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

}  // namespace

std::shared_ptr<Model> load_model(const std::string &path, std::string &err, std::vector<std::string> &warnings) {
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
        torch::jit::Module &m = model->module;
        ModelInfo &info = model->info;
        std::string why;
        bool listed = false;
        std::vector<std::string> names = string_list(m, "get_methods", listed, why);
        if (!why.empty()) warnings.push_back("get_methods() failed (" + why + "): looking for *_params instead");
        if (!listed) {  // nn~'s fallback: every method with an M_params attribute
            for (const auto &a : m.named_attributes(/*recurse=*/false))
                if (ends_with(a.name, "_params") && a.name.size() > 7) names.push_back(a.name.substr(0, a.name.size() - 7));
            if (names.empty() && m.find_method("forward")) names.push_back("forward");  // to say what is missing
        }
        std::string first_why;
        for (const std::string &n : names) {
            MethodInfo mi;
            std::string w;
            if (read_params(m, n, mi, w)) {
                if (!info.find(n)) info.methods.push_back(mi);
            } else {
                warnings.push_back("skipping method '" + n + "': " + w);
                if (first_why.empty()) first_why = w;
            }
        }
        if (info.methods.empty()) {
            if (!first_why.empty()) err = path + " is not an nn~ model: " + first_why;
            else if (listed) err = path + " is not an nn~ model: get_methods() lists no method";
            else err = path + " is not an nn~ model: no forward() and no *_params buffer";
            return nullptr;
        }
        long lcm = 1;
        for (auto &mi : info.methods) {
            lcm = std::lcm(lcm, (long)mi.in_ratio);
            lcm = std::lcm(lcm, (long)mi.out_ratio);
        }
        if (lcm > kMaxRatio) {
            err = path + ": the methods' ratios have no common buffer size up to " + std::to_string(kMaxRatio);
            return nullptr;
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
            err = path + " has fp16 weights, which run on " + (platforms.empty() ? "x86-64 CPUs" : platforms) +
                  "; this libtorch has no fbgemm: export the model with --weights fp32";
            return nullptr;
        }
        std::string newer = newer_sidecar_torch(path);
        if (!newer.empty())
            warnings.push_back(path + " was written by torch " + newer + " (its .json says), newer than brave~'s libtorch " +
                               TORCH_VERSION + ": if it fails or sounds wrong, export it with torch " + TORCH_VERSION);
        why.clear();
        for (auto &a : string_list(m, "get_attributes", listed, why))
            if (a != "none") info.attributes.push_back(a);
        return model;
    } catch (const std::exception &e) {
        err = "cannot read " + path + " as an nn~ model: " + error_text(e);
    } catch (...) {
        err = "cannot read " + path + " as an nn~ model";
    }
    return nullptr;
}

// ------------------------------------------------------------------------- one running method

template <typename T>
void atomic_add(std::atomic<T> &a, T v) {  // single writer at a time: load + store is enough
    a.store(a.load(std::memory_order_relaxed) + v, std::memory_order_relaxed);
}

// Call times, 8 bins per octave from 1 us: percentiles without storing every call, and without
// allocating (written by whoever calls the model, read by the control side).
class CallTimes {
public:
    static constexpr int kBins = 8 * 25;  // 1 us .. 33 s
    void add(double ms) {
        double us = std::max(1.0, ms * 1000.0);
        int b = std::min(kBins - 1, (int)(8.0 * std::log2(us)));
        bins_[b].fetch_add(1, std::memory_order_relaxed);
    }
    void clear() {
        for (auto &b : bins_) b.store(0, std::memory_order_relaxed);
    }
    // The q-quantile (0..1) in ms, at the geometric middle of its bin; 0 without calls.
    double quantile(double q) const {
        long total = 0;
        for (auto &b : bins_) total += b.load(std::memory_order_relaxed);
        if (total == 0) return 0;
        long want = std::max(1L, (long)std::ceil(q * total)), seen = 0;
        for (int i = 0; i < kBins; i++) {
            seen += bins_[i].load(std::memory_order_relaxed);
            if (seen >= want) return std::exp2((i + 0.5) / 8.0) / 1000.0;
        }
        return std::exp2(kBins / 8.0) / 1000.0;
    }

private:
    std::atomic<long> bins_[kBins] = {};
};

// Scheduling of the engine's threads. The host's audio thread may run at real-time priority
// (Pd does where allowed) and threads inherit their creator's policy. A loader that inherited it
// would take a core at real-time priority for seconds while it builds a model (and trip the
// kernel's real-time throttling, which then stalls the audio thread too): it runs as a normal
// thread. Workers run just below the audio thread, round-robin among themselves, so that the
// audio thread always wins its core and no worker starves another.
std::atomic<int> g_audio_policy{SCHED_OTHER}, g_audio_prio{0}, g_sched_gen{0};

void note_audio_thread() {
    int policy = SCHED_OTHER;
    sched_param p{};
    if (pthread_getschedparam(pthread_self(), &policy, &p) != 0) return;
    if (policy != g_audio_policy.load() || p.sched_priority != g_audio_prio.load()) {
        g_audio_policy.store(policy);
        g_audio_prio.store(p.sched_priority);
        g_sched_gen.fetch_add(1);
    }
}

void apply_worker_sched(int &applied_gen) {
    int gen = g_sched_gen.load();
    if (gen == applied_gen) return;
    applied_gen = gen;
    int policy = g_audio_policy.load();
    sched_param p{};
    if (policy == SCHED_FIFO || policy == SCHED_RR) {
        p.sched_priority = std::max(sched_get_priority_min(SCHED_RR), g_audio_prio.load() - 1);
        pthread_setschedparam(pthread_self(), SCHED_RR, &p);  // refused without the right: keep as is
    } else {
        pthread_setschedparam(pthread_self(), SCHED_OTHER, &p);
    }
}

void run_as_normal_thread() {
    sched_param p{};
    pthread_setschedparam(pthread_self(), SCHED_OTHER, &p);
}

// Signals sent to the host process go to any thread that does not block them: the engine's
// threads block them, so that no handler runs in the middle of a model call. Pd's watchdog sends
// SIGHUP while Pd runs at real-time priority and misses its pings, and Pd's handler sleeps 30 ms:
// in a worker, that is a 30 ms call.
void block_host_signals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGALRM, SIGUSR1, SIGUSR2, SIGCHLD, SIGPIPE, SIGIO})
        sigaddset(&set, sig);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

// One method of one model at one buffer size: its model calls, its output FIFO, and in worker
// mode its own worker thread with a ring of job slots.
//
// Worker mode. Buffers are numbered as they complete (jobs 1, 2, ...). Job j's input goes to slot
// j % slots and the worker is told (req = j). When job j completes, perform takes the result of
// job j - K (K = lookahead), waiting for it up to the host's deadline; a result that is still not
// there is silence, and the worker is told to skip every job up to it that it has not started,
// so that one late call does not make the next ones late too. The worker copies a job's input
// out of its slot before it says it started it: perform writes slot j % slots only once job
// j - slots has started (slots = K + 2, so that job's result, due at j - 2, has been taken).
class Runner {
public:
    std::shared_ptr<Model> model;
    MethodInfo info;
    torch::jit::Method method;
    int buffer;                   // B: samples per model call
    int n_in, n_out;              // time steps of the model's input / output tensors
    std::vector<float> collect;   // (in_ch, n_in): perform collects the next buffer here
    std::vector<float> in_buf;    // (in_ch, n_in): the model's input, wrapped by in_tensor
    at::Tensor in_tensor;
    std::vector<float> out_buf;   // (out_ch, n_out): the last call's output (silence on failure)
    std::vector<c10::IValue> stack;

    // stream (perform's)
    int block = 0;                // host block prepared for; 0: not yet
    bool worker = false;
    int lookahead = 1;            // K, worker mode
    int latency = 0, cap = 0;
    std::vector<float> fifo;      // (out_ch, cap)
    int rpos = 0, fill = 0, collected = 0;
    bool reset_model = false;     // call the model's reset() before the next call
    long since_reset = 1L << 40;  // samples since the last reset request
    long next_job = 0;            // the last job number handed out
    long first_due = 1;           // results of jobs before it are not wanted (stream restarted)
    bool fresh_stream = false;    // at the swap, restart the stream rather than continue the old one
    long drain_last = 0;          // taken over from a runner: its jobs up to this one are its own,
    long drain_first = 1;         // and it wanted the results from this one on

    // worker slots: (slots, in_ch, n_in) and (slots, out_ch, n_out); slot_job: perform's record
    // of which job's input each slot holds
    int slots = 0;
    std::vector<float> in_slots, out_slots;
    std::vector<long> slot_job;
    std::atomic<long> req{0}, started{0}, done{0}, skip_below{0}, reset_at{0};

    // statistics since this runner started (written by whoever calls the model)
    std::atomic<long> calls{0}, overruns{0}, late{0}, errors{0}, nonfinite{0};
    std::atomic<double> total_ms{0}, max_ms{0}, behind_ms{0};
    CallTimes times;
    double buffer_ms = 0;         // one buffer in real time (set by prepare)
    char err[512] = "";           // the first call error
    std::atomic<bool> err_flag{false}, nonfinite_flag{false};
    std::atomic<bool> events{false};  // something for the host to say
    bool err_said = false, nonfinite_said = false;  // control side

    Runner(std::shared_ptr<Model> m, const MethodInfo &mi, int b)
        : model(std::move(m)), info(mi), method(model->module.get_method(mi.name)), buffer(b) {
        n_in = buffer / info.in_ratio;
        n_out = buffer / info.out_ratio;
        collect.assign((size_t)info.in_ch * n_in, 0.f);
        in_buf.assign((size_t)info.in_ch * n_in, 0.f);
        out_buf.assign((size_t)info.out_ch * n_out, 0.f);
        in_tensor = torch::from_blob(in_buf.data(), {1, info.in_ch, n_in}, torch::kFloat);
        stack.reserve(8);
        sem_init(&sem_, 0, 0);
    }

    ~Runner() { stop_worker(); sem_destroy(&sem_); }

    // Runs the method once on in_buf into out_buf. Never throws; `e` gets the reason on failure.
    bool run_once(char *e, size_t elen) {
        try {
            c10::InferenceMode guard;
            stack.clear();
            stack.emplace_back(in_tensor);
            method.run(stack);
            if (stack.empty() || !stack.back().isTensor()) {
                stack.clear();
                snprintf(e, elen, "method '%s' did not return a tensor", info.name.c_str());
                return false;
            }
            at::Tensor out = stack.back().toTensor();
            stack.clear();
            if (out.dim() != 3 || out.size(0) != 1 || out.size(1) != info.out_ch || out.size(2) != n_out) {
                char shape[96] = "";
                size_t len = 0;
                for (int64_t d = 0; d < out.dim() && len + 24 < sizeof(shape); d++)
                    len += snprintf(shape + len, sizeof(shape) - len, "%s%lld", d ? ", " : "", (long long)out.size(d));
                snprintf(e, elen, "model output size is not consistent: method '%s' returned [%s], expected [1, %d, %d]",
                         info.name.c_str(), shape, info.out_ch, n_out);
                return false;
            }
            if (out.scalar_type() != at::kFloat) out = out.to(at::kFloat);
            out = out.contiguous();
            std::memcpy(out_buf.data(), out.data_ptr<float>(), sizeof(float) * out_buf.size());
            return true;
        } catch (const c10::Error &x) {
            stack.clear();
            failed(x.what_without_backtrace(), e, elen);
        } catch (const std::exception &x) {
            stack.clear();
            failed(x.what(), e, elen);
        } catch (...) {
            stack.clear();
            snprintf(e, elen, "method '%s' failed with an unknown exception", info.name.c_str());
        }
        return false;
    }

    void failed(const char *what, char *e, size_t elen) {
        int k = snprintf(e, elen, "method '%s' failed: ", info.name.c_str());
        if (k >= 0 && (size_t)k < elen) one_line(what, e + k, elen - k);
    }

    bool model_reset(char *e, size_t elen) {
        try {
            c10::InferenceMode guard;
            model->module.get_method("reset")(std::vector<c10::IValue>{});
            return true;
        } catch (const std::exception &x) {
            int k = snprintf(e, elen, "the model's reset() failed: ");
            if (k >= 0 && (size_t)k < elen) one_line(x.what(), e + k, elen - k);
            return false;
        }
    }

    // One model call on in_buf (the model's reset() first when asked): out_buf gets the output,
    // or silence when the call fails or returns NaN / inf. Statistics updated.
    void call(bool reset_first, bool count_slow) {
        auto t0 = std::chrono::steady_clock::now();
        char e[512];
        bool ok = true;
        if (reset_first && model->info.has_reset) ok = model_reset(e, sizeof(e));
        if (ok) ok = run_once(e, sizeof(e));
        if (ok) {
            long bad = 0;
            for (float v : out_buf) bad += !std::isfinite(v);
            if (bad) {
                std::fill(out_buf.begin(), out_buf.end(), 0.f);
                atomic_add(nonfinite, bad);
                if (!nonfinite_flag.exchange(true)) events.store(true);
            }
        } else {
            std::fill(out_buf.begin(), out_buf.end(), 0.f);
            atomic_add(errors, 1L);
            if (!err_flag.load()) {
                std::memcpy(err, e, sizeof(err));
                err_flag.store(true);
                events.store(true);
            }
        }
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        atomic_add(calls, 1L);
        atomic_add(total_ms, ms);
        times.add(ms);
        if (ms > max_ms.load(std::memory_order_relaxed)) max_ms.store(ms, std::memory_order_relaxed);
        if (count_slow && buffer_ms > 0 && ms > buffer_ms) {  // worker mode counts late results instead
            atomic_add(overruns, 1L);
            atomic_add(behind_ms, ms - buffer_ms);
            events.store(true);
        }
    }

    // Sizes the FIFO for host block `n` (room for either mode and any lookahead up to `k`'s,
    // so that switching modes needs no allocation) and restarts the stream. Control side: the
    // worker is idle or stopped (see wait_idle).
    void prepare(int n, double sr, bool worker_mode, int k) {
        block = n;
        worker = worker_mode;
        lookahead = std::max(1, std::min(kMaxLookahead, k));
        buffer_ms = sr > 0 ? 1000.0 * buffer / sr : 0;
        cap = added_latency(buffer, n, true, lookahead) + n + 2 * buffer;
        fifo.assign((size_t)info.out_ch * cap, 0.f);
        int want = lookahead + 2;
        if (want > slots) {
            slots = want;
            in_slots.assign((size_t)slots * in_buf.size(), 0.f);
            out_slots.assign((size_t)slots * out_buf.size(), 0.f);
            slot_job.assign(slots, -1);
        }
        restart();
    }

    // Zeros the FIFO with its head start for the mode; results of jobs handed out so far are
    // no longer wanted (the worker skips those it has not started).
    void restart() {
        latency = added_latency(buffer, block, worker, lookahead);
        std::fill(fifo.begin(), fifo.end(), 0.f);
        std::fill(collect.begin(), collect.end(), 0.f);
        rpos = 0;
        fill = latency;
        collected = 0;
        first_due = next_job + 1;
        drain_last = 0;
        skip_below.store(first_due, std::memory_order_release);
    }

    void append(const float *src) {  // `buffer` samples per channel (src: n_out per channel) or silence
        if (fill + buffer > cap) return;  // cannot happen with cap >= L + N + B
        int wpos = (rpos + fill) % cap;
        for (int c = 0; c < info.out_ch; c++) {
            float *dst = fifo.data() + (size_t)c * cap;
            int p = wpos;
            if (src) {
                const float *s = src + (size_t)c * n_out;
                for (int k = 0; k < n_out; k++) {
                    float v = s[k];
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
    }

    void silence_for_late() {
        append(nullptr);
        atomic_add(late, 1L);
        atomic_add(overruns, 1L);
        atomic_add(behind_ms, buffer_ms);
        events.store(true);
    }

    bool worker_idle() const {
        return done.load(std::memory_order_acquire) >= req.load(std::memory_order_relaxed);
    }

    // Control side: until the worker has finished what it runs (a call at most: it skips jobs
    // whose results are not wanted after a restart).
    void wait_idle() {
        skip_below.store(next_job + 1, std::memory_order_release);
        while (!worker_idle()) std::this_thread::sleep_for(std::chrono::microseconds(100));
    }

    // ---- worker mode, audio side
    float *in_slot(long j) { return in_slots.data() + (size_t)(j % slots) * in_buf.size(); }
    float *out_slot(long j) { return out_slots.data() + (size_t)(j % slots) * out_buf.size(); }

    // Hands job j (the buffer in `collect`) to the worker, unless its slot still holds a job the
    // worker has not started (it runs `slots` jobs late): then everything up to j is skipped.
    void submit(long j) {
        if (!thread_.joinable()) return;  // no worker thread: the job's result will be late
        long sj = slot_job[j % slots];    // the job whose input the slot holds
        if (sj < 0 || started.load(std::memory_order_acquire) >= sj) {
            std::memcpy(in_slot(j), collect.data(), sizeof(float) * collect.size());
            slot_job[j % slots] = j;
        } else {
            skip_below.store(j + 1, std::memory_order_release);
        }
        if (reset_model) {
            reset_at.store(j, std::memory_order_relaxed);
            reset_model = false;
        }
        req.store(j, std::memory_order_release);
        sem_post(&sem_);
    }

    // The result of job d, waiting for it up to `deadline` (a default time point: no wait;
    // `forever`: offline runs); nullptr when it is not there, and then the worker skips every
    // job up to d that it has not started.
    const float *result(long d, std::chrono::steady_clock::time_point deadline, bool forever) {
        if (slot_job[d % slots] == d) {
            while (done.load(std::memory_order_acquire) < d &&
                   (forever || std::chrono::steady_clock::now() < deadline))
                std::this_thread::sleep_for(std::chrono::microseconds(20));
            if (done.load(std::memory_order_acquire) >= d) return out_slot(d);
        }
        if (skip_below.load(std::memory_order_relaxed) <= d) skip_below.store(d + 1, std::memory_order_release);
        return nullptr;
    }

    // ---- the worker thread (started by the control side, stopped by the destructor)
    void start_worker() {
        if (!thread_.joinable()) thread_ = std::thread([this] { worker_loop(); });
    }
    bool has_worker() const { return thread_.joinable(); }

private:
    sem_t sem_;
    std::atomic<bool> quit_{false};
    std::thread thread_;

    void stop_worker() {
        if (!thread_.joinable()) return;
        quit_.store(true);
        sem_post(&sem_);
        thread_.join();
    }

    void worker_loop() {
        block_host_signals();
        c10::InferenceMode guard;
        int threads = 0, sched_gen = -1;
        long reset_done = 0;
        for (;;) {
            while (sem_wait(&sem_) != 0) {
            }
            if (quit_.load()) return;
            apply_threads(threads);
            apply_worker_sched(sched_gen);
            for (;;) {
                long s = done.load(std::memory_order_relaxed) + 1;  // the worker alone writes done
                if (s > req.load(std::memory_order_acquire) || quit_.load(std::memory_order_relaxed)) break;
                long ra = reset_at.load(std::memory_order_relaxed);
                long sb = skip_below.load(std::memory_order_acquire);
                if (s < sb) {  // not wanted: on to the first job that is
                    long to = std::min(sb - 1, req.load(std::memory_order_acquire));
                    started.store(to, std::memory_order_release);
                    done.store(to, std::memory_order_release);
                    continue;
                }
                std::memcpy(in_buf.data(), in_slot(s), sizeof(float) * in_buf.size());
                started.store(s, std::memory_order_release);
                bool reset_first = ra > reset_done && ra <= s;
                if (reset_first) reset_done = ra;
                call(reset_first, false);
                std::memcpy(out_slot(s), out_buf.data(), sizeof(float) * out_buf.size());
                done.store(s, std::memory_order_release);
            }
        }
    }
};

// ------------------------------------------------------------------------- background threads

namespace {
std::mutex g_engines_mu;
std::vector<Engine::Impl *> g_engines;  // for shutdown(): every live engine
}  // namespace

struct Engine::Impl {
    // what perform runs; swapped at the start of perform (or in poll when no perform runs)
    std::atomic<Runner *> current{nullptr}, incoming{nullptr};
    std::atomic<Runner *> retired[4] = {};  // swapped out, for poll to free (off the audio thread)
    // worker mode: the runner swapped out, until perform has taken the results of its last jobs
    Runner *draining = nullptr;       // perform's
    std::shared_ptr<Model> model;     // the last good model (control side), also while no method runs
    std::atomic<bool> reset_req{false};
    bool was_enabled = true;
    bool note_thread = true;          // perform: note the audio thread (once per DSP start)

    // the loader thread and its queue (control side and loader only)
    std::mutex mu;
    std::condition_variable cv;
    struct Job {
        Request req;
        int block;
        double sr;
        bool worker;
        int lookahead;
        Runner *free_me = nullptr;    // a free job instead of a build
    };
    std::deque<Job> jobs;
    struct Result {
        std::unique_ptr<Runner> runner;
        std::shared_ptr<Model> model;
        std::string err;
        std::vector<std::string> warnings;
        double build_ms = 0;
        bool method_missing = false;  // the model loaded but lacks the method: kept for `method`
    };
    std::deque<Result> results;
    int in_flight = 0;
    bool quit = false;
    std::thread loader;

    // model-switch timing: the longest perform while a load runs and right after its swap
    std::atomic<bool> watch{false};
    std::atomic<int> watch_after{0};
    std::atomic<double> watch_max_ms{0};
    std::atomic<bool> swapped{false};

    // overload warnings (control side)
    long warned_overruns = 0, warned_calls = 0;
    std::chrono::steady_clock::time_point last_warn{};

    Impl() {
        std::lock_guard<std::mutex> lock(g_engines_mu);
        g_engines.push_back(this);
    }

    // Stops the loader (after the job it runs) and every runner's worker (after its call).
    void stop_threads() {
        {
            std::lock_guard<std::mutex> lock(mu);
            quit = true;
        }
        cv.notify_all();
        if (loader.joinable()) loader.join();
        for (Runner *r : {current.load(), incoming.load(), draining})
            if (r) r->wait_idle();
        for (auto &slot : retired)
            if (Runner *r = slot.load()) r->wait_idle();
    }

    ~Impl() {
        {
            std::lock_guard<std::mutex> lock(g_engines_mu);
            g_engines.erase(std::find(g_engines.begin(), g_engines.end(), this));
        }
        stop_threads();
        for (auto &j : jobs) delete j.free_me;
        if (draining != current.load()) delete draining;
        delete incoming.exchange(nullptr);
        for (auto &slot : retired) delete slot.exchange(nullptr);
        delete current.exchange(nullptr);
    }

    void start_loader() {
        if (!loader.joinable()) loader = std::thread([this] { loader_loop(); });
    }

    void loader_loop() {
        run_as_normal_thread();
        block_host_signals();
        int threads = 0;
        for (;;) {
            Job job;
            {
                std::unique_lock<std::mutex> lock(mu);
                cv.wait(lock, [&] { return quit || !jobs.empty(); });
                if (quit) return;
                job = std::move(jobs.front());
                jobs.pop_front();
            }
            if (job.free_me) {
                delete job.free_me;  // joins its worker, frees the model: seconds, off the audio thread
                continue;
            }
            apply_threads(threads);
            Result res;
            auto t0 = std::chrono::steady_clock::now();
            res.runner = build(job.req, job.block, job.sr, job.worker, job.lookahead, res.model, res.err, res.warnings,
                               res.method_missing);
            res.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            std::lock_guard<std::mutex> lock(mu);
            results.push_back(std::move(res));
            in_flight--;
        }
    }

    int max_in = 1, max_out = 1;

    // Loads (unless req.model), checks and warms up a runner; nullptr with `err` on failure.
    // `model_out` gets the model even when the method fails (so that `method` can fix it).
    std::unique_ptr<Runner> build(const Request &req, int block, double sr, bool worker_mode, int lookahead,
                                  std::shared_ptr<Model> &model_out, std::string &err, std::vector<std::string> &warnings,
                                  bool &method_missing) {
        method_missing = false;
        try {
            std::shared_ptr<Model> m = req.model;
            if (!m) {
                m = load_model(req.path, err, warnings);
                if (!m) return nullptr;
            }
            model_out = m;
            const ModelInfo &info = m->info;
            const MethodInfo *mi = info.find(req.method);
            if (!mi) {
                err = info.path + " has no method '" + req.method + "'; available: " + info.names();
                method_missing = true;
                return nullptr;
            }
            if (mi->in_ch > max_in || mi->out_ch > max_out) {
                err = "method '" + req.method + "' needs " + std::to_string(mi->in_ch) + " signal inlet(s) and " +
                      std::to_string(mi->out_ch) + " signal outlet(s) but this object was created with " +
                      std::to_string(max_in) + " and " + std::to_string(max_out) + ": create [brave~ " + info.path + " " +
                      req.method + "] instead";
                return nullptr;
            }
            int q = info.ratio;
            int b = req.buffer > 0 ? req.buffer : q;
            if (b % q) {
                int up = (b / q + 1) * q;
                warnings.push_back("buffer " + std::to_string(b) + " is not a multiple of the model's ratio " +
                                   std::to_string(q) + ": using " + std::to_string(up));
                b = up;
            }
            if (b > kMaxBuffer) {
                err = "buffer " + std::to_string(b) + " is too large: at most " + std::to_string(kMaxBuffer) +
                      " samples (" + std::to_string(kMaxBuffer * 1000 / 44100) + " ms at 44.1 kHz)";
                return nullptr;
            }
            auto r = std::make_unique<Runner>(m, *mi, b);
            r->fresh_stream = req.restart;
            // Warm-up calls on silence: they check the output shape now rather than in perform,
            // and let the JIT profile and optimize here instead of on the first audio buffers.
            char e[512];
            for (int i = 0; i < kWarmupCalls; i++) {
                if (!r->run_once(e, sizeof(e))) {
                    err = short_error(e) + " (test call with buffer " + std::to_string(b) + ")";
                    return nullptr;
                }
            }
            // reset() too: its first calls profile and optimize like forward's (about 5 ms each)
            for (int i = 0; info.has_reset && i < kWarmupCalls; i++) {
                if (!r->model_reset(e, sizeof(e))) {
                    err = e;
                    return nullptr;
                }
            }
            r->start_worker();
            if (block > 0) r->prepare(block, sr, worker_mode, lookahead_for(lookahead, b, block));
            return r;
        } catch (const std::exception &x) {
            err = "cannot set up method '" + req.method + "': " + error_text(x);
        } catch (...) {
            err = "cannot set up method '" + req.method + "'";
        }
        return nullptr;
    }

    // The lookahead K for buffer b: the request, or from the host's burst (`request` packs both:
    // > 0 a request, <= 0 minus the burst).
    static int lookahead_for(int request, int b, int block) {
        return request > 0 ? request : auto_lookahead(b, -request, block);
    }

    // A model that runs is never called from a second thread: method / buffer changes of the
    // running model load a fresh copy of its file (warm-up calls would race the running calls).
    Request unshared(Request req) {
        Runner *r = current.load();
        if (req.model && r && r->model == req.model) {
            req.path = req.model->info.path;
            req.model = nullptr;
        }
        return req;
    }

    // Offers a runner to perform (control side); one offered and not yet taken is dropped.
    void offer(Runner *r) {
        collect_retired();
        free_later(incoming.exchange(r));
    }
    void collect_retired() {
        for (auto &slot : retired)
            if (Runner *old = slot.exchange(nullptr)) free_later(old);
    }
    void free_later(Runner *r) {  // in the loader thread: freeing a model can take a while
        if (!r) return;
        {
            std::lock_guard<std::mutex> lock(mu);
            if (!quit) {
                jobs.push_back(Job{Request{}, 0, 0, false, 0, r});
                r = nullptr;
            }
        }
        if (r) delete r;
        else {
            start_loader();
            cv.notify_one();
        }
    }

    // The new runner continues the old one's stream when both run the same buffering: the
    // output already computed stays in the FIFO, the partly collected buffer carries on, and in
    // worker mode the old runner's jobs in flight are still taken from it (it drains). No
    // silence is inserted; the new model starts from its own fresh state.
    static bool continues(const Runner *o, const Runner *n, int block, bool worker_mode) {
        return o && o->block == block && n->block == block && o->buffer == n->buffer && o->cap == n->cap &&
               o->worker == worker_mode && o->lookahead == n->lookahead && o->info.in_ch == n->info.in_ch &&
               o->info.in_ratio == n->info.in_ratio && o->info.out_ch == n->info.out_ch;
    }
    static void take_over(Runner *o, Runner *n) {
        n->worker = o->worker;
        std::memcpy(n->fifo.data(), o->fifo.data(), sizeof(float) * n->fifo.size());
        n->rpos = o->rpos;
        n->fill = o->fill;
        std::memcpy(n->collect.data(), o->collect.data(), sizeof(float) * n->collect.size());
        n->collected = o->collected;
        n->reset_model = o->reset_model;
        n->since_reset = o->since_reset;
        // job numbers go on from the old runner's: its worker thinks jobs up to there are done
        n->next_job = o->next_job;
        n->first_due = o->next_job + 1;
        n->drain_last = o->next_job;
        n->drain_first = o->first_due;
        for (auto *a : {&n->req, &n->started, &n->done}) a->store(o->next_job, std::memory_order_relaxed);
        n->skip_below.store(o->next_job + 1, std::memory_order_relaxed);
    }

    // The swap (audio side, or control side when no perform runs).
    void swap(int block, bool worker_mode) {
        Runner *in = incoming.exchange(nullptr);
        if (!in) return;
        Runner *old = current.load();
        bool go_on = !in->fresh_stream && continues(old, in, block, worker_mode);
        if (go_on) take_over(old, in);
        current.store(in);
        if (old) {
            if (draining && draining != old) retire(draining);
            bool drain = go_on && worker_mode && old->first_due <= old->next_job;
            draining = drain ? old : nullptr;
            if (!drain) retire(old);
        }
        swapped.store(true);
    }
    void retire(Runner *r) {  // audio side allowed: poll frees it later
        if (draining == r) draining = nullptr;
        for (auto &slot : retired) {
            Runner *expected = nullptr;
            if (slot.compare_exchange_strong(expected, r)) return;
        }
        draining = r;  // every slot taken (poll has not run for several swaps): retried later
    }
};

void shutdown() {
    std::lock_guard<std::mutex> lock(g_engines_mu);
    for (Engine::Impl *d : g_engines) d->stop_threads();
}

// Joins the background threads at exit, before libtorch's static objects are destroyed. Those
// that libtorch creates lazily (on a model's first load or call) register their destructors
// then, and exit runs destructors and handlers newest first: so the handler is registered
// again after each load, once libtorch's lazily made objects exist (shutdown is idempotent).
void guard_exit() { std::atexit(shutdown); }

int auto_lookahead(int buffer, int burst, int block) {
    if (buffer <= 0 || burst <= block) return 1;
    return std::max(1, std::min(kMaxLookahead, 1 + (burst - block + buffer - 1) / buffer));
}

Engine::Engine(int max_in, int max_out) : impl_(new Impl), max_in_(std::max(1, max_in)), max_out_(std::max(1, max_out)) {
    impl_->max_in = max_in_;
    impl_->max_out = max_out_;
}

Engine::~Engine() = default;

// What the loader needs to pick the lookahead: a request (> 0), or minus the burst (<= 0).
static int lookahead_code(int req, int burst, bool wait) { return req > 0 ? req : wait ? 1 : -burst; }

bool Engine::load(const Request &req, std::string &err, std::vector<std::string> &warnings) {
    std::shared_ptr<Model> m;
    bool method_missing = false;
    auto r = impl_->build(impl_->unshared(req), block_, sr_, worker_req_.load(),
                          lookahead_code(lookahead_req_, burst_, wait_.load()), m, err, warnings, method_missing);
    if (m && !impl_->model && method_missing) impl_->model = m;  // kept for `method`
    guard_exit();
    if (!r) return false;
    impl_->model = r->model;
    impl_->offer(r.release());
    impl_->swap(block_, worker_req_.load());  // the host guarantees no perform runs now
    impl_->collect_retired();
    return true;
}

void Engine::load_async(const Request &req) {
    Impl &d = *impl_;
    {
        std::lock_guard<std::mutex> lock(d.mu);
        d.jobs.push_back(Impl::Job{d.unshared(req), block_, sr_, worker_req_.load(),
                                   lookahead_code(lookahead_req_, burst_, wait_.load()), nullptr});
        d.in_flight++;
    }
    d.watch_max_ms.store(0);
    d.watch_after.store(0);
    d.swapped.store(false);
    d.watch.store(true);
    d.start_loader();
    d.cv.notify_one();
}

bool Engine::loading() const {
    std::lock_guard<std::mutex> lock(impl_->mu);
    return impl_->in_flight > 0 || !impl_->results.empty();
}

// Control side, perform not running: a runner's worker may still run a job, so it is waited
// for before the runner's buffers are resized.
static void prepare_runner(Runner *r, int block, double sr, bool worker, int code) {
    r->wait_idle();
    r->prepare(block, sr, worker, Engine::Impl::lookahead_for(code, r->buffer, block));
}

void Engine::set_block(int block, double sample_rate) {
    note_audio_thread();  // the host's DSP setup; the first perform notes the thread that runs it
    impl_->note_thread = true;
    block_ = block;
    sr_ = sample_rate;
    int code = lookahead_code(lookahead_req_, burst_, wait_.load());
    if (impl_->draining) impl_->retire(impl_->draining);
    for (Runner *r : {impl_->current.load(), impl_->incoming.load()})
        if (r) prepare_runner(r, block, sample_rate, worker_req_.load(), code);
}

void Engine::set_lookahead(int buffers) {
    lookahead_req_ = std::max(0, std::min(kMaxLookahead, buffers));
    if (block_ > 0) set_block(block_, sr_);
}

int Engine::lookahead() const {
    int code = lookahead_code(lookahead_req_, burst_, wait_.load());
    if (Runner *r = impl_->current.load())
        return r->block > 0 ? r->lookahead : Impl::lookahead_for(code, r->buffer, block_ > 0 ? block_ : 64);
    return code > 0 ? code : 1;
}

void Engine::set_worker(bool on) {
    guard_exit();
    worker_req_.store(on);
}

void Engine::set_enabled(bool on) { enabled_.store(on); }

bool Engine::reset() {
    Runner *r = impl_->current.load();
    if (!r) return false;
    if (!r->model->info.has_reset) return false;
    impl_->reset_req.store(true);
    return true;
}
bool Engine::set_attribute(const std::string &name, const std::vector<AttrValue> &values, std::string &err) {
    std::shared_ptr<Model> m = model();
    if (!m) {
        err = "no model loaded";
        return false;
    }
    try {
        torch::jit::Module &mod = m->module;
        const auto &names = m->info.attributes;
        auto setter = mod.find_method("set_" + name);
        if (std::find(names.begin(), names.end(), name) == names.end() || !setter || !mod.hasattr(name + "_params")) {
            std::string list;
            for (auto &a : names) list += (list.empty() ? "" : ", ") + a;
            err = m->info.path + " has no attribute '" + name + "'; available: " + (list.empty() ? "none" : list);
            return false;
        }
        at::Tensor codes = mod.attr(name + "_params").toTensor().to(at::kLong).contiguous().view({-1});
        size_t n = (size_t)codes.numel();
        if (values.size() != n) {
            err = "attribute '" + name + "' takes " + std::to_string(n) + " value(s), got " + std::to_string(values.size());
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
                static const char *types[] = {"a bool (0/1)", "an int", "a float", "a symbol", "a tensor"};
                err = "attribute '" + name + "': value " + std::to_string(i + 1) + " must be " +
                      (code >= 0 && code <= 4 ? types[code] : "of an unknown type");
                return false;
            }
        }
        if (Runner *r = impl_->current.load())  // not while the worker calls the model (one call at most)
            while (!r->worker_idle()) std::this_thread::sleep_for(std::chrono::microseconds(50));
        c10::InferenceMode guard;
        (*setter)(args);
        return true;
    } catch (const std::exception &e) {
        err = "set " + name + ": " + error_text(e);
    }
    return false;
}

std::vector<Event> Engine::poll(bool swap_now) {
    Impl &d = *impl_;
    std::vector<Event> ev;
    events_flag_.store(false);
    d.collect_retired();
    std::deque<Impl::Result> results;
    {
        std::lock_guard<std::mutex> lock(d.mu);
        results.swap(d.results);
    }
    for (auto &res : results) {
        for (auto &w : res.warnings) ev.push_back({Event::Warning, w});
        if (res.model && !d.model && res.method_missing) d.model = res.model;
        if (!res.runner) {
            ev.push_back({Event::LoadFailed, res.err});
            std::lock_guard<std::mutex> lock(d.mu);
            if (d.in_flight == 0 && !d.swapped.load()) d.watch.store(false);  // nothing to swap: stop timing
            continue;
        }
        Runner *r = res.runner.release();
        int code = lookahead_code(lookahead_req_, burst_, wait_.load());
        if (block_ > 0 && (r->block != block_ || r->worker != worker_req_.load() ||
                           r->lookahead != Impl::lookahead_for(code, r->buffer, block_)))
            prepare_runner(r, block_, sr_, worker_req_.load(), code);  // the host changed while it loaded
        d.model = r->model;
        guard_exit();
        char text[160];
        snprintf(text, sizeof(text), "built and warmed up in %.0f ms", res.build_ms);
        ev.push_back({Event::Loaded, text});
        d.offer(r);
    }
    if (swap_now) {
        d.swap(block_, worker_req_.load());
        d.collect_retired();
    }
    {
        std::lock_guard<std::mutex> lock(d.mu);
        if (d.in_flight == 0 && d.results.empty() && d.incoming.load() == nullptr && d.swapped.load() &&
            d.watch.load() && d.watch_after.load() > 0) {
            d.watch.store(false);
            char text[200];
            snprintf(text, sizeof(text), "longest audio block during the model switch: %.3f ms", d.watch_max_ms.load());
            ev.push_back({Event::Info, text});
        }
    }
    if (Runner *r = d.current.load()) {
        if (r->events.exchange(false)) {
            if (r->err_flag.load() && !r->err_said) {
                ev.push_back({Event::CallError, short_error(r->err) +
                                                    " (output silence for that buffer; further errors are only counted, see 'stats')"});
                r->err_said = true;
            }
            if (r->nonfinite_flag.load() && !r->nonfinite_said) {
                ev.push_back({Event::NonFinite, "method '" + r->info.name +
                                                    "' returned NaN or inf: those buffers are replaced by silence "
                                                    "(samples counted in 'stats')"});
                r->nonfinite_said = true;
            }
        }
        long ov = r->overruns.load(), calls = r->calls.load() + r->late.load();
        auto now = std::chrono::steady_clock::now();
        if (ov < d.warned_overruns) d.warned_overruns = d.warned_calls = 0;  // stats cleared
        if (ov > d.warned_overruns && now - d.last_warn > std::chrono::seconds(5)) {
            char text[300];
            snprintf(text, sizeof(text), "model calls are not keeping up: %ld of the last %ld buffers %s",
                     ov - d.warned_overruns, calls - d.warned_calls,
                     r->worker ? "came late from the worker (silence)" : "took longer than they last");
            ev.push_back({Event::Overload, text});
            d.warned_overruns = ov;
            d.warned_calls = calls;
            d.last_warn = now;
        } else if (ov > d.warned_overruns) {
            events_flag_.store(true);  // say it later
        }
    }
    return ev;
}

std::shared_ptr<Model> Engine::model() const {
    if (Runner *r = impl_->current.load()) return r->model;
    return impl_->model;
}

const ModelInfo *Engine::info() const {
    auto m = model();
    return m ? &m->info : nullptr;  // the Model outlives this call: the engine keeps it
}

const MethodInfo *Engine::method() const {
    Runner *r = impl_->current.load();
    return r ? &r->info : nullptr;
}

int Engine::buffer() const {
    Runner *r = impl_->current.load();
    return r ? r->buffer : 0;
}

int Engine::latency() const { return added_latency(buffer(), block_, worker_req_.load(), lookahead()); }

Stats Engine::stats() const {
    Stats s;
    Runner *r = impl_->current.load();
    if (!r) return s;
    s.calls = r->calls.load();
    s.overruns = r->overruns.load();
    s.late = r->late.load();
    s.errors = r->errors.load();
    s.nonfinite = r->nonfinite.load();
    s.mean_ms = s.calls ? r->total_ms.load() / s.calls : 0;
    s.max_ms = r->max_ms.load();
    s.median_ms = r->times.quantile(0.5);
    s.p99_ms = r->times.quantile(0.99);
    s.behind_ms = r->behind_ms.load();
    s.buffer_ms = sr_ > 0 ? 1000.0 * r->buffer / sr_ : 0;
    return s;
}

void Engine::clear_stats() {
    Runner *r = impl_->current.load();
    if (!r) return;
    r->calls = r->overruns = r->late = r->errors = r->nonfinite = 0;
    r->total_ms = r->max_ms = r->behind_ms = 0;
    r->times.clear();
}

// ------------------------------------------------------------------------------------- perform

void Engine::perform(const float *const *in, float *const *out, int n, std::chrono::steady_clock::time_point deadline) {
    Impl &d = *impl_;
    if (d.note_thread) {  // the thread that runs perform (an audio server's, under an audio callback):
        d.note_thread = false;  // the workers go just below it, and its libtorch calls use our threads
        note_audio_thread();
        static thread_local int applied = 0;
        apply_threads(applied);
    }
    bool watch = d.watch.load(std::memory_order_relaxed);
    auto t0 = watch ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
    bool worker_mode = worker_req_.load(std::memory_order_relaxed);
    if (d.incoming.load(std::memory_order_relaxed)) d.swap(n, worker_mode);
    Runner *r = d.current.load(std::memory_order_relaxed);
    bool on = enabled_.load(std::memory_order_relaxed);
    if (!r || !on || r->block != n) {
        for (int c = 0; c < max_out_; c++) std::memset(out[c], 0, sizeof(float) * n);
        d.was_enabled = on;
        return;
    }
    const MethodInfo &mi = r->info;
    if (worker_mode && !r->has_worker()) worker_mode = false;  // its thread could not start
    if (worker_mode != r->worker) {
        if (d.draining) d.retire(d.draining);
        r->worker = worker_mode;
        r->restart();
    }
    if (!d.was_enabled) {  // enable 1: the buffering restarts (the model keeps its state)
        if (d.draining) d.retire(d.draining);
        r->restart();
    }
    d.was_enabled = true;
    if (d.reset_req.exchange(false, std::memory_order_acq_rel)) {
        // Resets closer together than one buffer are merged: restarting every time would keep the
        // model from ever running; the model's state is still zeroed before each call.
        if (r->since_reset >= r->buffer) {
            if (d.draining) d.retire(d.draining);
            r->restart();
        } else {
            merged_resets_.fetch_add(1, std::memory_order_relaxed);
        }
        r->reset_model = true;
        r->since_reset = 0;
    }
    if (r->since_reset < (1L << 40)) r->since_reset += n;
    bool wait = wait_.load(std::memory_order_relaxed);

    // 1. consume all inputs first (the host may hand us the same memory for inputs and outputs)
    int i = 0;
    while (i < n) {
        int take = std::min(n - i, r->buffer - r->collected);
        for (int c = 0; c < mi.in_ch; c++) {
            const float *src = in[c] + i;
            float *dst = r->collect.data() + (size_t)c * r->n_in;
            if (mi.in_ratio == 1) {
                std::memcpy(dst + r->collected, src, sizeof(float) * take);
            } else {  // keep one sample in every in_ratio
                for (int j = 0; j < take; j++) {
                    int pos = r->collected + j;
                    if (pos % mi.in_ratio == 0) dst[pos / mi.in_ratio] = src[j];
                }
            }
        }
        r->collected += take;
        i += take;
        if (r->collected < r->buffer) continue;
        r->collected = 0;
        long j = ++r->next_job;
        if (!r->worker) {
            if (wait)
                while (!r->worker_idle()) std::this_thread::sleep_for(std::chrono::microseconds(20));
            if (!r->worker_idle()) {  // the worker still runs a job from before the mode switch
                r->silence_for_late();
                continue;
            }
            std::memcpy(r->in_buf.data(), r->collect.data(), sizeof(float) * r->in_buf.size());
            r->call(r->reset_model, true);
            r->reset_model = false;
            r->append(r->out_buf.data());
            continue;
        }
        // worker mode: hand this buffer over, then take the result due now (K buffers ago), from
        // the runner this one took over from while its jobs are due
        r->submit(j);
        long due = j - r->lookahead;
        if (due <= r->drain_last) {
            if (due >= r->drain_first) {
                const float *res = d.draining ? d.draining->result(due, deadline, wait) : nullptr;
                if (res) r->append(res);
                else r->silence_for_late();
            }
            if (due == r->drain_last && d.draining) d.retire(d.draining);
        } else if (due >= r->first_due) {
            const float *res = r->result(due, deadline, wait);
            if (res) r->append(res);
            else r->silence_for_late();
        }
    }
    // 2. output n samples from the FIFO
    int avail = std::min(n, r->fill);  // == n by construction
    for (int c = 0; c < max_out_; c++) {
        float *o = out[c];
        if (c >= mi.out_ch) {
            std::memset(o, 0, sizeof(float) * n);
            continue;
        }
        const float *src = r->fifo.data() + (size_t)c * r->cap;
        int p = r->rpos;
        for (int j = 0; j < avail; j++) {
            o[j] = src[p];
            if (++p == r->cap) p = 0;
        }
        for (int j = avail; j < n; j++) o[j] = 0;
    }
    r->rpos = (r->rpos + avail) % r->cap;
    r->fill -= avail;
    if (r->events.load(std::memory_order_relaxed)) events_flag_.store(true, std::memory_order_relaxed);
    if (watch) {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (ms > d.watch_max_ms.load(std::memory_order_relaxed)) d.watch_max_ms.store(ms, std::memory_order_relaxed);
        if (d.swapped.load(std::memory_order_relaxed)) d.watch_after.fetch_add(1, std::memory_order_relaxed);
        events_flag_.store(true, std::memory_order_relaxed);
    }
}

}  // namespace brave
