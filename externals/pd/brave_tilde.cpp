// brave~: the Pure Data frontend of the brave engine (externals/engine): Pd's objects, messages
// and console around a brave::Engine, one per object. Nothing about models or buffering lives
// here (see engine.hpp), and the engine says nothing in Pd's words: it reports events as facts
// (brave::Event) and words() below says them on Pd's console.
//
//   [brave~ MODEL METHOD BUFFER]  (nn~'s argument order; flags -thread and -sync anywhere)
//
// Added latency: synchronous mode (default) BUFFER - gcd(BUFFER, BLOCK) samples; worker mode
// (-thread / `thread 1`) one BUFFER more (brave::added_latency).
//
// Pd runs messages, clocks and DSP in one thread, so every message handler and the clock run
// between two perform calls: the engine's control side is called from them, its audio side from
// perform. Loads run in the engine's loader thread (`sync 1` makes them block instead, for
// offline runs); a clock polls the engine for what to say on the console and the info outlet.

#include "../engine/card.hpp"
#include "../engine/engine.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <deque>
#include <tuple>
#include <string>
#include <vector>

#include "m_pd.h"
extern "C" {  // s_stuff.h has no C++ guard of its own
#include "s_stuff.h"  // the scheduler's settings: audio callback or not, its sleep grain
}

// Not in every Pd's headers or binary: looked up weakly, so that brave~ still loads without them.
extern "C" {
void sys_get_audio_settings(t_audiosettings *a) __attribute__((weak));
int sched_get_sleepgrain(void) __attribute__((weak));
}

namespace {

t_class *brave_class = nullptr;
constexpr double kPollMs = 10;         // clock period while a load runs in the background
// A worker-mode result that is not ready when due is waited for, at most until this share of
// the DSP tick's duration has passed since the tick began (for every brave~ in the tick together).
constexpr double kTickShare = 0.5;
// Without an audio callback, Pd keeps up to -audiobuf ms of output queued ahead. When the whole
// process stalls (a host hiccup longer than the lookahead covers), Pd computes the missed ticks
// back to back, faster than any worker, while a synchronous call simply runs in that time. The
// queued audio beyond one sleep grain is time a wait costs nothing audible: up to this share of
// it is spent (the rest is for the other objects and the rest of the burst).
constexpr double kQueuedShare = 0.5;

// The whole Pd process against the clock, seen from the DSP ticks (every brave~ shares it): how
// far Pd's logical time is behind real time. Pd without an audio callback computes its ticks in
// bursts, each up to one sleep grain late, so "behind" is normal up to that; beyond it the audio
// is falling behind. A process that runs faster than real time (-batch) is never behind.
struct Clock {
    double logical = -1;               // the tick seen last (clock_getlogicaltime)
    std::chrono::steady_clock::time_point tick_start, anchor_wall;
    double anchor_logical_ms = 0;
    double behind_ms = 0, max_behind_ms = 0;
    double wall_ms = 0, logical_ms = 0;  // since the first tick: is this real time at all?
    bool started = false;

    // Called at the start of every perform: on a new tick, note when it began.
    void tick() {
        double now_logical = clock_getlogicaltime();
        if (now_logical == logical) return;
        auto now = std::chrono::steady_clock::now();
        double lms = clock_gettimesince(0);  // logical ms since Pd started
        if (!started) {
            anchor_wall = now;
            anchor_logical_ms = lms;
            started = true;
        }
        wall_ms = std::chrono::duration<double, std::milli>(now - anchor_wall).count();
        logical_ms = lms - anchor_logical_ms;
        behind_ms = wall_ms - logical_ms;
        if (behind_ms < 0) {  // ahead of real time (a batch run, or catching up): re-anchor
            anchor_wall = now;
            anchor_logical_ms = lms;
            behind_ms = 0;
        }
        max_behind_ms = std::max(max_behind_ms, behind_ms);
        logical = now_logical;
        tick_start = now;
    }
    // Pd computes in real time (not -batch): its logical time has kept pace with the wall clock.
    bool real_time() const { return started && logical_ms > 0 && max_behind_ms > 0; }
};
Clock g_clock;

// Pd runs with -batch (as fast as it can, no real time: nothing is late for a listener). Pd does
// not export its flag: its command line says it.
bool pd_batch() {
    static int batch = -1;
    if (batch < 0) {
        batch = 0;
        if (FILE *f = std::fopen("/proc/self/cmdline", "rb")) {
            char buf[4096];
            size_t n = std::fread(buf, 1, sizeof(buf) - 1, f);
            std::fclose(f);
            buf[n] = 0;
            for (size_t i = 0; i < n; i += std::strlen(buf + i) + 1)
                if (std::strcmp(buf + i, "-batch") == 0) batch = 1;
        }
    }
    return batch == 1;
}

// How Pd's scheduler runs the DSP: from an audio callback (JACK -callback), or in bursts of up
// to one sleep grain (a quarter of -audiobuf, at most 5 ms) keeping up to -audiobuf ms queued.
struct Scheduler {
    bool callback = false;
    double advance_ms = 0;             // -audiobuf: output Pd may queue ahead (0: unknown)
    double grain_ms = 5;

    static Scheduler current() {
        Scheduler s;
        if (sys_get_audio_settings) {
            t_audiosettings a;
            std::memset(&a, 0, sizeof(a));
            sys_get_audio_settings(&a);
            s.callback = a.a_callback != 0;
            s.advance_ms = a.a_advance;
        }
        if (sched_get_sleepgrain) s.grain_ms = 1e-3 * sched_get_sleepgrain();
        return s;
    }
    // Samples computed back to back: one block with a callback, else a sleep grain.
    int burst(int block, double sr) const {
        return callback ? block : std::max(block, (int)std::ceil(grain_ms * 1e-3 * sr));
    }
    // How long a due worker result may be waited for in a tick that began `behind_ms` behind
    // real time (Clock): part of the tick, or without a callback part of the queued audio left.
    double wait_ms(double tick_ms, double behind_ms) const {
        double wait = kTickShare * tick_ms;
        if (!callback) wait = std::max(wait, kQueuedShare * (advance_ms - grain_ms - behind_ms));
        return wait;
    }
};
Scheduler g_sched;

struct State {
    std::unique_ptr<brave::Engine> engine;
    std::string method = "forward";    // requested (also when it failed)
    int req_buffer = 0;                // 0: the model's ratio
    // background loads in flight, oldest first: their method and buffer become the object's
    // (method / req_buffer above) only once they succeed, so that a refused one changes nothing
    std::deque<std::pair<std::string, int>> pending;
    std::chrono::steady_clock::time_point last_reset_said{};
    bool sync = false;                 // offline runs: loads block, worker-mode perform waits
    uint64_t seed = 0;                 // libtorch's random generator is reseeded with it on reset
    t_float warned_sr = -1;
    double sr = 44100;
    std::vector<const float *> ins;
    std::vector<float *> outs;
    long merged_said = 0;
};

}  // namespace

typedef struct _brave {
    t_object x_obj;
    t_float x_f;
    t_canvas *x_canvas;
    int x_nin, x_nout;                 // signal inlets / outlets, fixed at creation
    t_outlet *x_info;                  // rightmost outlet: info messages
    t_clock *x_clock;                  // polls the engine from the scheduler
    State *x_st;
} t_brave;

namespace {

bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The engine's events in Pd's words: the engine's own (brave::describe) except where Pd has terms
// of its own (signal inlets and outlets, objects, messages, symbols).
std::string words(const brave::Event &e) {
    using brave::Code;
    switch (e.code) {
    case Code::TooManyChannels:
        return "method '" + e.method + "' needs " + std::to_string(e.count) + " signal inlet(s) and " +
               std::to_string(e.limit) + " signal outlet(s) but this object was created with " + std::to_string(e.value) +
               " and " + std::to_string(e.extra) + ": create [brave~ " + e.path + " " + e.method + "] instead";
    case Code::CallFailed:
        return e.detail + " (output silence for that buffer; further errors are only counted, see 'stats')";
    case Code::NonFinite:
        return "method '" + e.method + "' returned NaN or inf: those buffers are replaced by silence (samples counted "
               "in 'stats')";
    case Code::AttributeType:
        if (e.limit == 3) return "attribute '" + e.name + "': value " + std::to_string(e.count) + " must be a symbol";
        break;
    default:
        break;
    }
    return brave::describe(e);
}

void post_warnings(const std::vector<brave::Event> &warnings) {
    for (auto &w : warnings) post("brave~: warning: %s", words(w).c_str());
}

// MODEL (".ts" appended when missing) next to the patch or on Pd's search path; false with the
// path it looked for next to the patch.
bool resolve_path(t_brave *x, const std::string &name, std::string &out, std::string &looked) {
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
    looked = candidates[0];
    if (!looked.empty() && looked[0] != '/') looked = std::string(canvas_getdir(x->x_canvas)->s_name) + "/" + looked;
    return false;
}

void info_out(t_brave *x, const char *sel, std::initializer_list<t_float> values) {
    std::vector<t_atom> av(values.size());
    size_t i = 0;
    for (t_float v : values) {
        SETFLOAT(&av[i], v);
        i++;
    }
    outlet_anything(x->x_info, gensym(sel), (int)av.size(), av.data());
}

void describe_model(const brave::ModelInfo &m) {
    std::string s;
    for (auto &mi : m.methods) {
        char buf[160];
        snprintf(buf, sizeof(buf), "%s%s (%d in, %d out, ratios %d/%d)", s.empty() ? "" : ", ", mi.name.c_str(),
                 mi.in_ch, mi.out_ch, mi.in_ratio, mi.out_ratio);
        s += buf;
    }
    post("brave~: loaded %s: %s", m.path.c_str(), s.c_str());
}

void check_sample_rate(t_brave *x) {
    State *st = x->x_st;
    const brave::ModelInfo *info = st->engine->info();
    t_float sr = st->engine->sample_rate();
    if (!info || !st->engine->method() || sr <= 0 || info->sample_rate <= 0) return;
    if ((long)sr != info->sample_rate) {
        if (st->warned_sr != sr)
            post("brave~: warning: Pd runs at %g Hz but the model was made for %ld Hz: it will sound transposed "
                 "(start Pd with -r %ld)", sr, info->sample_rate, info->sample_rate);
        st->warned_sr = sr;
    } else {
        st->warned_sr = -1;
    }
}

void say_running(t_brave *x) {
    State *st = x->x_st;
    brave::Engine &e = *st->engine;
    const brave::MethodInfo *mi = e.method();
    if (!mi) return;
    std::string mode = e.worker() ? ", worker mode, lookahead " + std::to_string(e.lookahead()) : "";
    std::string how = e.block() > 0 ? "added latency " + std::to_string(e.latency()) + " samples at block " +
                                          std::to_string(e.block()) + mode
                                    : e.worker() ? "added latency = (1 + lookahead) x buffer - gcd(buffer, block) samples" + mode
                                                 : "added latency = buffer - gcd(buffer, block) samples";
    post("brave~: running '%s' with buffer %d (%s)", mi->name.c_str(), e.buffer(), how.c_str());
    check_sample_rate(x);
}

// Runs `req`: now (creation, `sync 1`) or in the background (the clock reports the outcome).
void start_load(t_brave *x, brave::Request req, bool now) {
    State *st = x->x_st;
    if (!now && !st->sync) {
        st->pending.emplace_back(req.method, req.buffer);
        st->engine->load_async(req);
        clock_delay(x->x_clock, kPollMs);
        return;
    }
    brave::Event err;
    std::vector<brave::Event> warnings;
    auto t0 = std::chrono::steady_clock::now();
    bool ok = st->engine->load(req, err, warnings);
    post_warnings(warnings);
    if (ok) {
        st->method = req.method;
        st->req_buffer = req.buffer;
        describe_model(*st->engine->info());
        say_running(x);
        post("brave~: (loaded in %.0f ms)", std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    } else {
        pd_error(x, "brave~: %s%s", words(err).c_str(), st->engine->method() ? " (the running model keeps playing)" : "");
    }
    info_out(x, "loaded", {(t_float)ok});
}

bool request_file(t_brave *x, const std::string &name, brave::Request &req) {
    std::string looked;
    if (!resolve_path(x, name, req.path, looked)) {
        pd_error(x, "brave~: model file '%s' not found: no %s, nor on Pd's search path%s", name.c_str(), looked.c_str(),
                 x->x_st->engine->method() ? " (the running model keeps playing)" : "");
        return false;
    }
    return true;
}

// A request for the current model with another method or buffer (the engine reloads the file
// when the model is running).
bool request_current(t_brave *x, const char *what, brave::Request &req) {
    auto model = x->x_st->engine->model();
    if (!model) {
        pd_error(x, "brave~: %s: no model loaded", what);
        return false;
    }
    req.model = model;
    return true;
}

}  // namespace

// ------------------------------------------------------------------------------------- DSP

static t_int *brave_perform(t_int *w) {
    t_brave *x = (t_brave *)(w[1]);
    int n = (int)(w[2]);
    State *st = x->x_st;
    g_clock.tick();
    double wait_ms = g_sched.wait_ms(1000.0 * n / st->sr, g_clock.behind_ms);
    auto deadline = g_clock.tick_start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                             std::chrono::duration<double, std::milli>(wait_ms));
    st->engine->perform(st->ins.data(), st->outs.data(), n, deadline);
    if (st->engine->events_pending()) clock_delay(x->x_clock, 0);
    return w + 3;
}

static void brave_dsp(t_brave *x, t_signal **sp) {
    State *st = x->x_st;
    int n = sp[0]->s_n;
    try {
        st->ins.resize(x->x_nin);
        st->outs.resize(x->x_nout);
        for (int c = 0; c < x->x_nin; c++) st->ins[c] = sp[c]->s_vec;
        for (int c = 0; c < x->x_nout; c++) st->outs[c] = sp[x->x_nin + c]->s_vec;
        st->sr = sp[0]->s_sr > 0 ? sp[0]->s_sr : 44100;
        g_sched = Scheduler::current();
        st->engine->set_host_burst(g_sched.burst(n, st->sr));
        st->engine->set_block(n, sp[0]->s_sr);
    } catch (const std::exception &) {
        pd_error(x, "brave~: out of memory");
        return;
    }
    check_sample_rate(x);
    dsp_add(brave_perform, 2, x, (t_int)n);
}

// The scheduler's side: what the engine has to say, and the swap of a finished background load
// (safe here: Pd's clocks run between two DSP ticks).
static void brave_tick(t_brave *x) {
    State *st = x->x_st;
    for (auto &ev : st->engine->poll(/*swap_now=*/true)) {
        switch (ev.kind) {
        case brave::Event::Loaded:
            if (!st->pending.empty()) {
                std::tie(st->method, st->req_buffer) = st->pending.front();
                st->pending.pop_front();
            }
            describe_model(*st->engine->info());
            say_running(x);
            post("brave~: (%s off the audio thread)", words(ev).c_str());
            info_out(x, "loaded", {1});
            break;
        case brave::Event::LoadFailed:
            if (!st->pending.empty()) st->pending.pop_front();  // the object stays as it was
            pd_error(x, "brave~: %s%s", words(ev).c_str(), st->engine->method() ? " (the running model keeps playing)" : "");
            info_out(x, "loaded", {0});
            break;
        case brave::Event::Warning:
            post("brave~: warning: %s", words(ev).c_str());
            break;
        case brave::Event::CallError:
        case brave::Event::NonFinite:
            pd_error(x, "brave~: %s", words(ev).c_str());
            break;
        case brave::Event::Overload:
            // Only where real time applies: not in -batch runs, nor with `sync 1` (offline)
            if (st->sync || pd_batch() || !g_clock.real_time()) break;
            post("brave~: warning: %s; Pd is now %.1f ms behind real time (at most %.1f ms since 'stats reset'); "
                 "try %s", words(ev).c_str(), g_clock.behind_ms, g_clock.max_behind_ms,
                 st->engine->worker() ? "a larger lookahead ('lookahead N') or buffer"
                                      : "worker mode ('thread 1', which also uses another core) or a larger buffer");
            break;
        case brave::Event::Info:
            post("brave~: %s", words(ev).c_str());
            break;
        }
    }
    if (st->engine->loading()) clock_delay(x->x_clock, kPollMs);
}

// ---------------------------------------------------------------------------------- messages

static void brave_load(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    State *st = x->x_st;
    if (argc < 1 || argv[0].a_type != A_SYMBOL) {
        pd_error(x, "brave~: usage: load PATH [METHOD [BUFFER]]");
        return;
    }
    brave::Request req;
    req.method = argc > 1 && argv[1].a_type == A_SYMBOL ? atom_getsymbol(&argv[1])->s_name : st->method;
    req.buffer = st->req_buffer;
    for (int i = 1; i < argc; i++)
        if (argv[i].a_type == A_FLOAT) req.buffer = std::max(0, (int)atom_getfloat(&argv[i]));
    if (!request_file(x, atom_getsymbol(&argv[0])->s_name, req)) {
        info_out(x, "loaded", {0});
        return;
    }
    start_load(x, req, false);
}

// `fresh`: the stream restarts at the swap (reset by reloading) instead of going on.
static void reload(t_brave *x, bool fresh) {
    State *st = x->x_st;
    const brave::ModelInfo *info = st->engine->info();
    if (!info) {
        pd_error(x, "brave~: reload: no model loaded");
        return;
    }
    brave::Request req;
    req.path = info->path;
    req.method = st->method;
    req.buffer = st->req_buffer;
    req.restart = fresh;
    start_load(x, req, false);
}

static void brave_reload(t_brave *x) { reload(x, false); }

static void brave_method(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    State *st = x->x_st;
    brave::Request req;
    if (!request_current(x, "method", req)) return;
    if (argc < 1 || argv[0].a_type != A_SYMBOL) {
        const brave::MethodInfo *mi = st->engine->method();
        post("brave~: %s: methods %s; running: %s", st->engine->info()->path.c_str(), st->engine->info()->names().c_str(),
             mi ? mi->name.c_str() : "none");
        return;
    }
    req.method = atom_getsymbol(&argv[0])->s_name;
    req.buffer = st->req_buffer;
    if (!st->engine->info()->find(req.method)) {  // said now, without a load
        pd_error(x, "brave~: %s has no method '%s'; available: %s", st->engine->info()->path.c_str(), req.method.c_str(),
                 st->engine->info()->names().c_str());
        info_out(x, "loaded", {0});
        return;
    }
    start_load(x, req, false);
}

static void brave_buffer(t_brave *x, t_floatarg f) {
    State *st = x->x_st;
    if (f < 0 || f > brave::kMaxBuffer || f != std::floor(f)) {
        pd_error(x, "brave~: buffer must be a whole number from 0 (the model's ratio) to %d samples", brave::kMaxBuffer);
        return;
    }
    if (!st->engine->method()) {  // nothing running (no file, or a refused method): for the next load
        st->req_buffer = (int)f;
        post("brave~: buffer %d for the next load", st->req_buffer);
        return;
    }
    brave::Request req;
    request_current(x, "buffer", req);
    req.method = st->method;
    req.buffer = (int)f;
    start_load(x, req, false);
}

// reset: the model's state zeroed before its next call (its reset(), else a reload of the file),
// the buffering restarted, and libtorch's random generator reseeded, so that the output from a
// reset on is the same every time.
static void brave_reset(t_brave *x) {
    State *st = x->x_st;
    if (!st->engine->model()) {
        pd_error(x, "brave~: reset: no model loaded");
        return;
    }
    bool own = st->engine->reset();
    if (!own) reload(x, true);  // no reset() in the model: a fresh copy of the file
    brave::reseed(st->seed);
    auto now = std::chrono::steady_clock::now();
    if (now - st->last_reset_said > std::chrono::seconds(1))  // a burst of resets is said once
        post("brave~: reset: %s, the buffering restarts, libtorch's generator reseeded with %llu",
             own ? "the model's state is zeroed before its next call" : "the model has no reset(): reloading its file",
             (unsigned long long)st->seed);
    st->last_reset_said = now;
    long merged = st->engine->merged_resets();  // said once: resets closer than one buffer
    if (merged > 0 && st->merged_said == 0)
        post("brave~: reset: resets come faster than one buffer (%d samples): the buffering restarts at most once "
             "per buffer, and the model's state is zeroed before each of its calls", st->engine->buffer());
    st->merged_said = merged;
}

static void brave_seed(t_brave *x, t_floatarg f) {
    if (f < 0 || f != std::floor(f)) {
        pd_error(x, "brave~: seed must be a whole number >= 0");
        return;
    }
    x->x_st->seed = (uint64_t)f;
    brave::reseed(x->x_st->seed);
    post("brave~: seed %llu: libtorch's generator reseeded now and at every reset", (unsigned long long)x->x_st->seed);
}

static void brave_set(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    State *st = x->x_st;
    if (!st->engine->model()) {
        pd_error(x, "brave~: set: no model loaded");
        return;
    }
    if (argc < 1 || argv[0].a_type != A_SYMBOL) {
        pd_error(x, "brave~: usage: set ATTRIBUTE VALUES...");
        return;
    }
    std::vector<brave::AttrValue> values;
    std::string text;
    for (int i = 1; i < argc; i++) {
        brave::AttrValue v;
        v.is_symbol = argv[i].a_type == A_SYMBOL;
        if (v.is_symbol) v.symbol = atom_getsymbol(&argv[i])->s_name;
        else v.number = atom_getfloat(&argv[i]);
        values.push_back(v);
        char buf[MAXPDSTRING];
        atom_string(&argv[i], buf, sizeof(buf));
        text += std::string(" ") + buf;
    }
    std::string name = atom_getsymbol(&argv[0])->s_name;
    brave::Event err;
    if (!st->engine->set_attribute(name, values, err)) {
        pd_error(x, "brave~: %s", words(err).c_str());
        return;
    }
    post("brave~: %s =%s", name.c_str(), text.c_str());
}

static void brave_enable(t_brave *x, t_floatarg f) {
    x->x_st->engine->set_enabled(f != 0);
    post("brave~: enable %d: %s", f != 0, f != 0 ? "the model runs (the buffering restarts, the model keeps its state)"
                                                 : "silence, no model calls");
}

static void brave_thread(t_brave *x, t_floatarg f) {
    State *st = x->x_st;
    bool on = f != 0;
    st->engine->set_worker(on);
    if (on)
        post("brave~: worker mode: the model runs in its own thread, each result taken lookahead = %d buffer(s) "
             "later (added latency (1 + lookahead) x buffer - gcd(buffer, block))", st->engine->lookahead());
    else
        post("brave~: synchronous mode: the model runs in Pd's audio thread (added latency buffer - gcd(buffer, block))");
}

// lookahead K: worker mode takes each result K buffers after its input (K x buffer more latency,
// K buffers of time for the call); 0 = from Pd's scheduler (one burst of DSP ticks).
static void brave_lookahead(t_brave *x, t_floatarg f) {
    State *st = x->x_st;
    if (f < 0 || f > brave::kMaxLookahead || f != std::floor(f)) {
        pd_error(x, "brave~: lookahead must be a whole number from 0 (from Pd's scheduler) to %d buffers",
                 brave::kMaxLookahead);
        return;
    }
    st->engine->set_lookahead((int)f);
    post("brave~: lookahead %d buffer(s)%s%s", st->engine->lookahead(), f == 0 ? " (from Pd's scheduler)" : "",
         st->engine->worker() ? "" : " (used in worker mode: 'thread 1')");
}

static void brave_sync(t_brave *x, t_floatarg f) {
    State *st = x->x_st;
    st->sync = f != 0;
    st->engine->set_wait(st->sync);
    post("brave~: sync %d: %s", st->sync, st->sync ? "loads block and worker mode waits for its results (offline only)"
                                                  : "loads run in the background, worker results are waited for only while "
                                                           "the audio has room");
}

static void brave_threads(t_brave *x, t_floatarg f) {
    int n = (int)f;
    if (n < 1 || n != f) {
        pd_error(x, "brave~: threads must be a whole number >= 1 (this machine has %d cores)", brave::machine_cores());
        return;
    }
    if (x->x_st->engine->loading()) {  // libtorch's thread pools change under a running load
        pd_error(x, "brave~: threads: a model is loading: send it again once it is loaded");
        return;
    }
    brave::Event why;
    int got = brave::set_torch_threads(n, why);
    if (!got) {
        pd_error(x, "brave~: threads: %s", words(why).c_str());
        return;
    }
    if (why.code != brave::Code::None) post("brave~: threads %d: %s", n, words(why).c_str());
    post("brave~: torch now uses %d intra-op thread(s) (for every brave~ in this Pd)", got);
}

static void brave_latency(t_brave *x) {
    State *st = x->x_st;
    brave::Engine &e = *st->engine;
    const brave::MethodInfo *mi = e.method();
    if (!mi) {
        pd_error(x, "brave~: latency: no model running");
        return;
    }
    int block = e.block() > 0 ? e.block() : sys_getblksize();
    double sr = e.sample_rate() > 0 ? e.sample_rate() : sys_getsr();
    int added = brave::added_latency(e.buffer(), block, e.worker(), e.lookahead());
    // get_latency_samples() is forward's nominal delay; the latency card (card.hpp) its measured
    // one. Other methods' own delay is unknown.
    bool fwd = mi->name == "forward";
    long nominal = fwd ? e.info()->delay : -1;
    brave::LatencyCard card = fwd ? brave::read_latency_card(e.info()->path) : brave::LatencyCard{};
    long delay = card.measurable ? std::lround(card.median) : nominal;
    long total = added + std::max(0L, delay);
    char own[400] = "the model does not report its own delay";
    if (card.measurable)
        snprintf(own, sizeof(own), "model's own delay %ld samples (%.3f ms) measured (latency card: median of %ld "
                 "trials, p10 %g, p90 %g), nominal %ld; total %ld samples (%.3f ms)", delay, 1000.0 * delay / sr,
                 card.trials, card.p10, card.p90, nominal, total, 1000.0 * total / sr);
    else if (delay >= 0)
        snprintf(own, sizeof(own), "model's own delay %ld samples (%.3f ms), nominal (%s%s); total %ld samples (%.3f ms)",
                 delay, 1000.0 * delay / sr, card.present ? "latency card: not measurable: " : "no latency card",
                 card.present ? card.reason.substr(0, 160).c_str() : "", total, 1000.0 * total / sr);
    else if (e.info()->delay >= 0)
        snprintf(own, sizeof(own), "the model reports its own delay for forward only, not for '%s'", mi->name.c_str());
    std::string factor = e.worker() ? std::to_string(1 + e.lookahead()) + " x " : "";
    std::string mode = e.worker() ? " [worker mode, lookahead " + std::to_string(e.lookahead()) + "]" : "";
    post("brave~: latency: added %d samples (%.3f ms at %g Hz) = %sbuffer %d - gcd(buffer, block %d)%s%s; %s", added,
         1000.0 * added / sr, sr, factor.c_str(), e.buffer(), block, mode.c_str(),
         e.block() > 0 ? "" : " [DSP not started: Pd's default block]", own);
    info_out(x, "latency", {(t_float)added, (t_float)(1000.0 * added / sr), (t_float)delay, (t_float)total,
                            (t_float)(1000.0 * total / sr), (t_float)nominal});
}

static void brave_stats(t_brave *x, t_symbol *s, int argc, t_atom *argv) {
    State *st = x->x_st;
    if (!st->engine->method()) {
        pd_error(x, "brave~: stats: no model running");
        return;
    }
    if (argc > 0 && atom_getsymbol(&argv[0]) == gensym("reset")) {
        st->engine->clear_stats();
        g_clock.max_behind_ms = 0;
        post("brave~: stats reset");
        return;
    }
    brave::Stats t = st->engine->stats();
    double buffer_ms = t.buffer_ms > 0 ? t.buffer_ms : 1000.0 * st->engine->buffer() / sys_getsr();
    post("brave~: stats: %ld calls, compute mean %.3f ms, max %.3f ms per call (median %.3f, p99 %.3f); %ld overruns "
         "(calls longer than the buffer's %.3f ms%s); %ld errors; %ld NaN/inf samples silenced; %.1f ms behind; %ld "
         "buffers late from the worker (silence); Pd (every object) at most %.1f ms behind real time",
         t.calls, t.mean_ms, t.max_ms, t.median_ms, t.p99_ms, t.overruns, buffer_ms,
         st->engine->worker() ? " or late from the worker" : "", t.errors, t.nonfinite, t.behind_ms, t.late,
         g_clock.max_behind_ms);
    // Pd's 32-bit floats hold whole numbers exactly up to 2^24 only: larger counts (a day of
    // calls) go out as symbols with every digit, times rounded to the microsecond
    t_atom av[11];
    long counts[] = {t.calls, t.overruns, t.errors, t.nonfinite, t.late};
    int slot[] = {0, 3, 4, 5, 7};
    for (int i = 0; i < 5; i++) {
        if (counts[i] < (1L << 24)) SETFLOAT(&av[slot[i]], (t_float)counts[i]);
        else SETSYMBOL(&av[slot[i]], gensym(std::to_string(counts[i]).c_str()));
    }
    auto us = [](double ms) { return (t_float)(std::round(ms * 1000) / 1000); };
    SETFLOAT(&av[1], us(t.mean_ms));
    SETFLOAT(&av[2], us(t.max_ms));
    SETFLOAT(&av[6], us(t.behind_ms));
    SETFLOAT(&av[8], us(t.median_ms));
    SETFLOAT(&av[9], us(t.p99_ms));
    SETFLOAT(&av[10], us(g_clock.max_behind_ms));
    outlet_anything(x->x_info, gensym("stats"), 11, av);
}

// bang: the state on the info outlet, in nn~'s words (loaded 0/1, then when a model is loaded:
// enabled, model PATH, methods ..., method NAME, bufsize B, dim IN OUT, ratio IN OUT, attributes
// ...), and on the console.
static void brave_bang(t_brave *x) {
    State *st = x->x_st;
    brave::Engine &e = *st->engine;
    const brave::MethodInfo *mi = e.method();
    info_out(x, "loaded", {(t_float)(mi != nullptr)});
    const brave::ModelInfo *info = e.info();
    if (!info) {
        post("brave~: no model loaded");
        return;
    }
    info_out(x, "enabled", {(t_float)e.enabled()});
    t_atom a;
    SETSYMBOL(&a, gensym(info->path.c_str()));
    outlet_anything(x->x_info, gensym("model"), 1, &a);
    std::vector<t_atom> names(info->methods.size());
    for (size_t i = 0; i < names.size(); i++) SETSYMBOL(&names[i], gensym(info->methods[i].name.c_str()));
    outlet_anything(x->x_info, gensym("methods"), (int)names.size(), names.data());
    SETSYMBOL(&a, gensym(st->method.c_str()));
    outlet_anything(x->x_info, gensym("method"), 1, &a);
    std::vector<t_atom> attrs(info->attributes.size());
    std::string attr_text;
    for (size_t i = 0; i < attrs.size(); i++) {
        SETSYMBOL(&attrs[i], gensym(info->attributes[i].c_str()));
        attr_text += " " + info->attributes[i];
    }
    outlet_anything(x->x_info, gensym("attributes"), (int)attrs.size(), attrs.data());
    post("brave~: %s: methods %s; running %s; attributes:%s", info->path.c_str(), info->names().c_str(),
         mi ? mi->name.c_str() : "none", attr_text.empty() ? " none" : attr_text.c_str());
    if (!mi) return;
    info_out(x, "bufsize", {(t_float)e.buffer()});
    info_out(x, "dim", {(t_float)mi->in_ch, (t_float)mi->out_ch});
    info_out(x, "ratio", {(t_float)mi->in_ratio, (t_float)mi->out_ratio});
    info_out(x, "thread", {(t_float)e.worker()});
    info_out(x, "lookahead", {(t_float)e.lookahead()});
}

// --------------------------------------------------------------------------- new / free / setup

static void *brave_new(t_symbol *s, int argc, t_atom *argv) {
    t_brave *x = (t_brave *)pd_new(brave_class);
    x->x_canvas = canvas_getcurrent();
    x->x_clock = clock_new(x, (t_method)brave_tick);
    x->x_st = new State();
    State *st = x->x_st;
    std::string model_name, method = "forward";
    int req = 0, nsym = 0;
    bool thread = false;
    int lookahead = 0;
    for (int i = 0; i < argc; i++) {
        if (argv[i].a_type == A_SYMBOL) {
            std::string a = atom_getsymbol(&argv[i])->s_name;
            if (a == "-thread") thread = true;
            else if (a == "-sync") st->sync = true;
            else if (a == "-lookahead") {
                t_float k = i + 1 < argc && argv[i + 1].a_type == A_FLOAT ? atom_getfloat(&argv[++i]) : -1;
                if (k < 0 || k > brave::kMaxLookahead || k != std::floor(k))
                    pd_error(x, "brave~: -lookahead takes a whole number from 0 to %d buffers", brave::kMaxLookahead);
                else lookahead = (int)k;
            } else if (a[0] == '-') pd_error(x, "brave~: unknown flag '%s' (flags: -thread -lookahead K -sync)", a.c_str());
            else if (nsym == 0) model_name = a, nsym++;
            else if (nsym == 1) method = a, nsym++;
            else pd_error(x, "brave~: ignoring extra argument '%s'", a.c_str());
        } else if (argv[i].a_type == A_FLOAT) {
            t_float f = atom_getfloat(&argv[i]);
            if (f < 0 || f > brave::kMaxBuffer || f != std::floor(f))
                pd_error(x, "brave~: ignoring buffer %g (a whole number from 0 to %d)", f, brave::kMaxBuffer);
            else req = (int)f;
        }
    }
    st->method = method;
    st->req_buffer = req;
    // Signal inlets/outlets: the creation method's channel counts (like nn~); forward's (or the
    // first method's) when that method is unknown; 1 and 1 without a model. Fixed from now on.
    std::shared_ptr<brave::Model> model;
    std::string path;
    if (!model_name.empty()) {
        std::string looked;
        if (!resolve_path(x, model_name, path, looked)) {
            pd_error(x, "brave~: model file '%s' not found: no %s, nor on Pd's search path", model_name.c_str(),
                     looked.c_str());
        } else {
            brave::Event err;
            std::vector<brave::Event> warnings;
            model = brave::load_model(path, err, warnings);
            post_warnings(warnings);
            if (!model) pd_error(x, "brave~: %s", words(err).c_str());
        }
    }
    x->x_nin = x->x_nout = 1;
    if (model) {
        const brave::ModelInfo &info = brave::model_info(*model);
        const brave::MethodInfo *mi = info.find(method);
        if (!mi) mi = info.find("forward");
        if (!mi) mi = &info.methods[0];
        x->x_nin = mi->in_ch;
        x->x_nout = mi->out_ch;
    }
    for (int c = 1; c < x->x_nin; c++) inlet_new(&x->x_obj, &x->x_obj.ob_pd, &s_signal, &s_signal);
    for (int c = 0; c < x->x_nout; c++) outlet_new(&x->x_obj, &s_signal);
    x->x_info = outlet_new(&x->x_obj, nullptr);
    st->engine = std::make_unique<brave::Engine>(x->x_nin, x->x_nout);
    st->engine->set_wait(st->sync);
    if (thread) st->engine->set_worker(true);
    st->engine->set_lookahead(lookahead);
    if (model) {
        describe_model(brave::model_info(*model));
        brave::Request r;
        r.model = model;
        r.method = method;
        r.buffer = req;
        brave::Event err;
        std::vector<brave::Event> warnings;
        bool ok = st->engine->load(r, err, warnings);
        post_warnings(warnings);
        if (ok) say_running(x);
        else pd_error(x, "brave~: %s", words(err).c_str());
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
    class_addmethod(brave_class, (t_method)brave_thread, gensym("thread"), A_FLOAT, 0);
    class_addmethod(brave_class, (t_method)brave_lookahead, gensym("lookahead"), A_FLOAT, 0);
    class_addmethod(brave_class, (t_method)brave_sync, gensym("sync"), A_FLOAT, 0);
    class_addmethod(brave_class, (t_method)brave_threads, gensym("threads"), A_FLOAT, 0);
    class_addmethod(brave_class, (t_method)brave_latency, gensym("latency"), A_NULL);
    class_addmethod(brave_class, (t_method)brave_stats, gensym("stats"), A_GIMME, 0);
    brave::init_torch_threads();
    // Pd exits without freeing the objects: background threads are joined before libtorch's
    // static objects are destroyed (the engine registers this again after each load).
    brave::guard_exit();
    post("brave~: nn~-protocol model runner, libtorch %s", brave::torch_version());
}
