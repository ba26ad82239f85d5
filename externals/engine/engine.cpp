// The engine's API (engine.hpp): the control side's calls and perform(). The rooms behind it:
// loader.cpp (the loader thread, builds, swaps), runner.cpp (the model call, the worker),
// fifo.cpp (the stream), protocol.cpp and archive.cpp (model files), stats.hpp, words.cpp.
#include "engine.hpp"

#include "loader.hpp"
#include "protocol.hpp"
#include "runner.hpp"
#include "text.hpp"
#include "threads.hpp"

#include <algorithm>
#include <cstring>
#include <thread>

namespace brave {

namespace {

// What the loader needs to pick the lookahead: a request (> 0), or minus the burst (<= 0).
int lookahead_code(int req, int burst, bool wait) { return req > 0 ? req : wait ? 1 : -burst; }

Event said(Event::Kind kind, Code code) {
    Event e;
    e.kind = kind;
    e.code = code;
    return e;
}

}  // namespace

Engine::Engine(int max_in, int max_out) : impl_(new Impl), max_in_(std::max(1, max_in)), max_out_(std::max(1, max_out)) {
    impl_->max_in = max_in_;
    impl_->max_out = max_out_;
}

Engine::~Engine() = default;

bool Engine::load(const Request &req, Event &err, std::vector<Event> &warnings) {
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

bool Engine::load(const Request &req, std::string &err, std::vector<std::string> &warnings) {
    Event e;
    std::vector<Event> w;
    bool ok = load(req, e, w);
    for (auto &x : w) warnings.push_back(describe(x));
    if (!ok) err = describe(e);
    return ok;
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
        return r->stream.block() > 0 ? r->stream.lookahead()
                                     : Impl::lookahead_for(code, r->buffer, block_ > 0 ? block_ : 64);
    return code > 0 ? code : 1;
}

void Engine::set_worker(bool on) {
    guard_exit();
    worker_req_.store(on);
}

void Engine::set_enabled(bool on) { enabled_.store(on); }

bool Engine::reset() {
    Runner *r = impl_->current.load();
    if (!r || !model_info(*r->model).has_reset) return false;
    impl_->reset_req.store(true);
    return true;
}

bool Engine::set_attribute(const std::string &name, const std::vector<AttrValue> &values, Event &err) {
    std::shared_ptr<Model> m = model();
    if (!m) {
        err = said(Event::Warning, Code::NoModel);
        return false;
    }
    if (Runner *r = impl_->current.load())  // not while the worker calls the model (one call at most)
        while (!r->worker_idle()) std::this_thread::sleep_for(std::chrono::microseconds(50));
    return set_model_attribute(*m, name, values, err);
}

// What the running runner has to say: its first failed call, its first NaN, an overload (at most
// every 5 s; later when it came sooner).
void Engine::say_runner_news(std::vector<Event> &ev) {
    Impl &d = *impl_;
    Runner *r = d.current.load();
    if (!r) return;
    if (r->doorbell.exchange(false)) {
        if (r->failed.load() && !r->failure_said) {
            Event e = said(Event::CallError, Code::CallFailed);
            e.method = r->info.name;
            e.call = r->first_failure;
            e.detail = short_error(describe(e.call));
            ev.push_back(e);
            r->failure_said = true;
        }
        if (r->nonfinite_seen.load() && !r->nonfinite_said) {
            Event e = said(Event::NonFinite, Code::NonFinite);
            e.method = r->info.name;
            ev.push_back(e);
            r->nonfinite_said = true;
        }
    }
    Stats s = r->stats.since_clear(0);
    long ov = s.overruns, calls = s.calls + s.late;
    auto now = std::chrono::steady_clock::now();
    if (ov < d.warned_overruns) d.warned_overruns = d.warned_calls = 0;  // stats cleared
    if (ov > d.warned_overruns && now - d.last_warn > std::chrono::seconds(5)) {
        Event e = said(Event::Overload, Code::Overload);
        e.count = ov - d.warned_overruns;
        e.limit = calls - d.warned_calls;
        e.worker = r->stream.worker();
        ev.push_back(e);
        d.warned_overruns = ov;
        d.warned_calls = calls;
        d.last_warn = now;
    } else if (ov > d.warned_overruns) {
        events_flag_.store(true);  // say it later
    }
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
        for (auto &w : res.warnings) ev.push_back(w);
        if (res.model && !d.model && res.method_missing) d.model = res.model;
        if (!res.runner) {
            ev.push_back(res.err);
            std::lock_guard<std::mutex> lock(d.mu);
            if (d.in_flight == 0 && !d.swapped.load()) d.watch.store(false);  // nothing to swap: stop timing
            continue;
        }
        Runner *r = res.runner.release();
        int code = lookahead_code(lookahead_req_, burst_, wait_.load());
        if (block_ > 0 && (r->stream.block() != block_ || r->stream.worker() != worker_req_.load() ||
                           r->stream.lookahead() != Impl::lookahead_for(code, r->buffer, block_)))
            prepare_runner(r, block_, sr_, worker_req_.load(), code);  // the host changed while it loaded
        d.model = r->model;
        guard_exit();
        Event e = said(Event::Loaded, Code::Loaded);
        e.ms = res.build_ms;
        ev.push_back(e);
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
            Event e = said(Event::Info, Code::SwitchTime);
            e.ms = d.watch_max_ms.load();
            ev.push_back(e);
        }
    }
    say_runner_news(ev);
    return ev;
}

std::shared_ptr<Model> Engine::model() const {
    if (Runner *r = impl_->current.load()) return r->model;
    return impl_->model;
}

const ModelInfo *Engine::info() const {
    auto m = model();
    return m ? &model_info(*m) : nullptr;  // the Model outlives this call: the engine keeps it
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
    Runner *r = impl_->current.load();
    if (!r) return Stats{};
    return r->stats.since_clear(sr_ > 0 ? 1000.0 * r->buffer / sr_ : 0);
}

void Engine::clear_stats() {
    if (Runner *r = impl_->current.load()) r->stats.clear();
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
    if (!r || !on || r->stream.block() != n) {
        for (int c = 0; c < max_out_; c++) std::memset(out[c], 0, sizeof(float) * n);
        d.was_enabled = on;
        return;
    }
    Stream &s = r->stream;
    if (worker_mode && !s.ring().has_worker()) worker_mode = false;  // its thread could not start
    // the stream restarts: in the new mode, on enable 1 (the model keeps its state), on a reset
    // (unless resets come faster than one buffer: merged, the model still zeroed before its call)
    bool restarted = s.switch_mode(worker_mode);
    if (!d.was_enabled) {
        s.restart();
        restarted = true;
    }
    d.was_enabled = true;
    if (d.reset_req.exchange(false, std::memory_order_acq_rel)) {
        if (s.ask_reset()) restarted = true;
        else merged_resets_.fetch_add(1, std::memory_order_relaxed);
    }
    if (restarted && d.draining) d.retire(d.draining);
    Stream *draining = d.draining ? &d.draining->stream : nullptr;
    if (s.process(in, out, max_out_, n, *r, draining, wait_.load(std::memory_order_relaxed), deadline) && d.draining)
        d.retire(d.draining);
    if (r->doorbell.load(std::memory_order_relaxed)) events_flag_.store(true, std::memory_order_relaxed);
    if (watch) {
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        if (ms > d.watch_max_ms.load(std::memory_order_relaxed)) d.watch_max_ms.store(ms, std::memory_order_relaxed);
        if (d.swapped.load(std::memory_order_relaxed)) d.watch_after.fetch_add(1, std::memory_order_relaxed);
        events_flag_.store(true, std::memory_order_relaxed);
    }
}

}  // namespace brave
