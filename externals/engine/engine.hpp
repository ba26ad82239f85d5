// brave engine: runs one method of an nn~-protocol TorchScript model (RAVE, BRAVE, ...) on a
// stream of audio blocks, with no host header in sight (no m_pd.h, no torch header either: the
// torch types live in protocol.cpp and runner.cpp). The one header a host includes; the rest of
// externals/engine/ is the engine's own (ARCHITECTURE.md lists its files). A host frontend
// (externals/pd/brave_tilde.cpp for Pure Data) owns one Engine per object and calls it from two
// places:
//
//   the control side (messages, DSP setup)    load / load_async / set_block / set_worker / reset /
//                                              poll / stats / info ...
//   the audio side (the perform routine)       perform(), which never locks and never allocates
//                                              in worker mode (in synchronous mode the model call
//                                              itself runs there, allocating inside libtorch).
//
// The host must not call the control side while perform() runs, except where noted (Pd runs
// both in one thread, so that holds there). Background work runs in threads the Engine owns: the
// loader (builds and warms up new models, frees old ones; a normal thread, never real-time) and,
// per running model, a worker (runs the model calls in worker mode; just below the host's audio
// thread in round-robin when that one runs at real-time priority). Nothing here throws to the host.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace brave {

constexpr int kMaxBuffer = 32768;      // samples per model call: 0.74 s at 44.1 kHz
constexpr int kMaxChannels = 1024;
constexpr int kMaxRatio = 1 << 16;
constexpr int kWarmupCalls = 3;        // the JIT profiles then optimizes on the first calls
constexpr int kMaxLookahead = 16;      // worker mode: buffers a result may take

// Samples of delay the engine adds to the model's own, with BUFFER samples per model call and
// the host's block of BLOCK samples:
//   synchronous mode   BUFFER - gcd(BUFFER, BLOCK)
//   worker mode        the same plus LOOKAHEAD x BUFFER (each result is taken LOOKAHEAD buffers
//                      after its input was handed to the worker)
// Mirrored in Python by brave_export.hosts.brave_latency (keep the two in step); defined in
// fifo.cpp, checked against brave_export/latency/host.py by tests/test_fifo.py.
int added_latency(int buffer, int block, bool worker, int lookahead = 1);
// Worker mode's lookahead when the host does not ask for one: a host that computes BURST samples
// back to back (Pd's sleep grain without an audio callback, one BLOCK with one) runs each tick up
// to BURST - BLOCK samples late, so a result taken K buffers after its input has at least
// K x BUFFER - (BURST - BLOCK) samples of wall-clock time: K = 1 + ceil((BURST - BLOCK) / BUFFER)
// gives every call at least one buffer.
int auto_lookahead(int buffer, int burst, int block);

struct MethodInfo {
    std::string name;
    int in_ch = 1, in_ratio = 1, out_ch = 1, out_ratio = 1;
};

struct ModelInfo {
    std::string path;                  // resolved file name
    std::vector<MethodInfo> methods;
    int ratio = 1;                     // lcm of every method's in/out ratio: the buffer quantum
    long sample_rate = 0;              // get_sample_rate(); 0 when the model does not say
    long delay = -1;                   // get_latency_samples() (forward's delay); -1: not said
    bool has_reset = false;
    std::vector<std::string> attributes;  // get_attributes() without the "none" placeholder

    const MethodInfo *find(const std::string &name) const;
    std::string names() const;         // "forward, encode, decode"
};

class Model;                           // a loaded TorchScript module (model.hpp)
class Runner;                          // one method of one model, with its stream (runner.hpp)

const ModelInfo &model_info(const Model &m);

// The version of libtorch this engine is built with ("2.5.1").
const char *torch_version();
int machine_cores();
// One intra-op and one inter-op thread for libtorch (the host's setup calls it once).
void init_torch_threads();
// Stops every engine's background threads (each after the job it runs): for the host's exit
// (atexit), so that no thread still runs libtorch while the process tears libtorch down.
void shutdown();
void guard_exit();                     // registers shutdown() with atexit (again): see loader.cpp
// Reseeds libtorch's default CPU generator (RAVE's latent noise draws from it).
void reseed(uint64_t seed);

// A model attribute value for set_attribute (nn~'s protocol: bool, int, float, str).
struct AttrValue {
    bool is_symbol = false;
    double number = 0;
    std::string symbol;
};

// Statistics of the running method since it started or since clear_stats(). Each figure has
// one writing thread inside the engine (stats.hpp): the model's caller writes calls, errors,
// nonfinite and the call times; perform writes overruns, late and behind_ms.
struct Stats {
    long calls = 0;                    // model calls that ran (warm-up calls not counted)
    long overruns = 0;                 // calls slower than their buffer lasts, or late worker results
    long late = 0;                     // worker mode: buffers output as silence because the worker was late
    long errors = 0;                   // calls that failed (silence for that buffer)
    long nonfinite = 0;                // NaN / inf samples the model returned (their buffers: silence)
    double mean_ms = 0, max_ms = 0;    // compute time per call
    double median_ms = 0, p99_ms = 0;  // from a histogram of 8 bins per octave (within 5%)
    double behind_ms = 0;              // how far the model calls fell behind the audio: summed
                                       // excess of slow calls plus the silence of late buffers
    double buffer_ms = 0;              // one buffer in real time
};

// What the engine has to say, as facts: the host words them (describe() gives the engine's own
// host-neutral words; a frontend may say any of them in its host's terms). The fields each
// code fills are named beside it; `detail` is one line of text the engine cannot take apart
// (a torch error, the OS's reason, a model file's own words).
enum class Code {
    None,
    // a model file that cannot run (LoadFailed)
    CannotOpen,            // path; detail: the OS's reason
    NotZip,                // path
    TorchSaveFile,         // path (weights or a checkpoint)
    NoCodeFolder,          // path (a zip archive, not TorchScript)
    NewerFormat,           // path; count: the file's format version, limit: the newest readable;
                           // name: the torch version its sidecar .json names ('' when none)
    PackedFp16,            // path; detail: torch's error (fp16 weights need fbgemm to unpickle)
    UnknownOperator,       // path; name: the operator; detail: the sidecar's torch version or ''
    NotTorchScript,        // path; detail: torch's error
    NotNNModel,            // path; detail: what is missing
    RatiosTooLarge,        // path; limit: the largest buffer quantum
    Fp16NoFbgemm,          // path; detail: the platforms the model names ('' when none)
    Unreadable,            // path; detail: the error ('' when unknown)
    // warnings while loading (Warning)
    GetMethodsFailed,      // detail: the error
    SkippedMethod,         // method; detail: why
    NewerSidecar,          // path; name: the torch version its .json names
    BufferRounded,         // count: the buffer asked for, limit: the ratio, value: the buffer used
    // a method that cannot run (LoadFailed)
    NoMethod,              // path, method; detail: the methods there are ("forward, encode")
    TooManyChannels,       // path, method; count / limit: inputs / outputs it needs, value /
                           // extra: those the engine was made with
    BufferTooLarge,        // count: the buffer; limit: kMaxBuffer
    TestCallFailed,        // count: the buffer; call: why
    ResetTestFailed,       // call: why
    SetupFailed,           // method; detail: the error ('' when unknown)
    // while running
    Loaded,                // ms: how long the build and warm-up took (Loaded)
    CallFailed,            // call: the first failure, detail: its printable line (CallError);
                           // later failures are only counted
    NonFinite,             // method (NonFinite)
    Overload,              // count: overruns of `limit` buffers since it was said last; worker:
                           // late worker results rather than slow calls (Overload)
    SwitchTime,            // ms: the longest perform() during a model switch (Info)
    // set_attribute
    NoModel,
    NoAttribute,           // path, name; detail: the attributes there are ('' when none)
    AttributeCount,        // name; limit: values it takes, count: values given
    AttributeType,         // name; count: the value's position (1-based); limit: the type's code
                           // (0 bool, 1 int, 2 float, 3 string, 4 tensor, else unknown)
    AttributeFailed,       // name; detail: the error
    // set_torch_threads
    ThreadsClamped,        // count: the machine's cores
    ThreadsFailed,         // detail: the error
};

// How a model call failed (written without allocating, on the audio side).
struct CallFailure {
    enum What { None, NotATensor, WrongShape, Threw, UnknownException, ResetThrew } what = None;
    char method[128] = "";
    char detail[512] = "";             // Threw / ResetThrew: the error's line
    long shape[8] = {};                // WrongShape: what the method returned (ndim of them)
    int ndim = 0;
    int out_ch = 0, n_out = 0;         // WrongShape: what was expected ([1, out_ch, n_out])
};

// What happened, for the host to say (poll(), and the structured load calls): `kind` is what
// it means for the host (a load done or refused, a warning, ...), `code` what exactly happened,
// and the fields its comment names hold the facts.
struct Event {
    enum Kind { Loaded, LoadFailed, Warning, CallError, NonFinite, Overload, Info } kind = Info;
    Code code = Code::None;
    std::string path, method, name, detail;
    long count = 0, limit = 0, value = 0, extra = 0;
    double ms = 0;
    bool worker = false;
    CallFailure call;
};

// The engine's own words for an event: one line, without a host's prefix.
std::string describe(const Event &e);
std::string describe(const CallFailure &f);

// Loads and inspects a model file. nullptr and the reason in `err` when it is not usable: not
// TorchScript, written by a newer torch, not an nn~ model (what is missing). `warnings` gets
// skipped methods and the like. The string form says them in describe()'s words.
std::shared_ptr<Model> load_model(const std::string &path, Event &err, std::vector<Event> &warnings);
std::shared_ptr<Model> load_model(const std::string &path, std::string &err, std::vector<std::string> &warnings);

// libtorch's intra-op threads for the whole process; returns the number actually set (at most
// the machine's cores; `why` says when it was clamped: ThreadsClamped). 0 on failure
// (ThreadsFailed).
int set_torch_threads(int n, Event &why);

struct Request {                       // what to load or run
    std::string path;                  // resolved model file ('' with `model`: keep that model)
    std::shared_ptr<Model> model;      // a model already loaded (method / buffer changes)
    std::string method = "forward";
    int buffer = 0;                    // 0: the model's ratio
    bool restart = false;              // the stream restarts at the swap (a reset by reloading),
                                       // instead of the new model continuing it
};

class Engine {
public:
    // `max_in` / `max_out`: the host's signal inlets / outlets, fixed for the object's life.
    Engine(int max_in, int max_out);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    // ---- control side
    // Builds the request now (load, check, warm-up) and swaps it in. On failure the running
    // model keeps running and `err` says why.
    bool load(const Request &req, Event &err, std::vector<Event> &warnings);
    bool load(const Request &req, std::string &err, std::vector<std::string> &warnings);
    // The same in the loader thread; the result arrives through poll() (Loaded / LoadFailed) and
    // the swap happens at the start of a later perform() (or in poll() when the host says that
    // no perform runs, see swap_now).
    void load_async(const Request &req);
    bool loading() const;              // an async load is in flight
    void set_block(int block, double sample_rate);  // the host's DSP setup: perform not running
    void set_worker(bool on);          // worker mode from the next perform on (restarts the stream)
    bool worker() const { return worker_req_.load(); }
    // Worker mode's lookahead in buffers (0: auto_lookahead from the host's burst); the running
    // stream restarts with it. The host says how many samples its scheduler computes in one
    // burst (set_host_burst, before set_block).
    void set_lookahead(int buffers);
    int lookahead_request() const { return lookahead_req_; }
    void set_host_burst(int samples) { burst_ = samples; }
    int lookahead() const;             // in force (or that would be) for the running buffer
    void set_wait(bool on) { wait_.store(on); }  // offline runs: perform waits for the worker
    bool wait() const { return wait_.load(); }
    void set_enabled(bool on);
    bool enabled() const { return enabled_.load(); }
    // Restarts the stream and zeroes the model's state (its reset(), called before the next model
    // call). Returns false when the model has no reset() (the host reloads the file instead).
    // Resets that come faster than one buffer are merged (counted in merged_resets()).
    bool reset();
    long merged_resets() const { return merged_resets_.load(); }
    bool set_attribute(const std::string &name, const std::vector<AttrValue> &values, Event &err);
    // Host events since the last poll; also adopts finished loads. `swap_now`: the host
    // guarantees that no perform() runs (Pd: always, messages and DSP share one thread).
    std::vector<Event> poll(bool swap_now);
    bool events_pending() const { return events_flag_.load(); }

    // What runs now (the last swapped-in request); null/empty when nothing runs.
    std::shared_ptr<Model> model() const;
    const ModelInfo *info() const;     // of model(); nullptr without one
    const MethodInfo *method() const;  // the running method; nullptr when none runs
    int buffer() const;                // 0 when none runs
    int block() const { return block_; }
    double sample_rate() const { return sr_; }
    int latency() const;               // added_latency(buffer, block, worker, lookahead)
    Stats stats() const;
    void clear_stats();
    int max_in() const { return max_in_; }
    int max_out() const { return max_out_; }

    // ---- audio side
    // One block: in[c] for c < max_in, out[c] for c < max_out, n samples each (in and out may
    // share memory). Silence when nothing runs, when disabled, or for a block size other than
    // set_block's. In worker mode, a result that is due and not ready is waited for until
    // `deadline` at the latest (the host's share of its tick; a default time point: no wait),
    // then that buffer is silence.
    void perform(const float *const *in, float *const *out, int n,
                 std::chrono::steady_clock::time_point deadline = {});

    struct Impl;                       // loader.hpp (named here for shutdown())

private:
    void say_runner_news(std::vector<Event> &ev);

    std::unique_ptr<Impl> impl_;
    int max_in_, max_out_;
    int block_ = 0;
    double sr_ = 0;
    int lookahead_req_ = 0, burst_ = 0;
    std::atomic<bool> worker_req_{false}, wait_{false}, enabled_{true};
    std::atomic<long> merged_resets_{0};
    std::atomic<bool> events_flag_{false};
};

}  // namespace brave
