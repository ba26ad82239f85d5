// The loader thread, the build of a runner and the swap (loader.hpp).
//
// A new model swaps in between two perform() calls. When it runs the same buffering as the old
// one, it continues the old one's stream (no silence inserted); else the stream restarts.
#include "loader.hpp"

#include "text.hpp"
#include "threads.hpp"

#include <algorithm>
#include <cstdlib>

namespace brave {

namespace {
std::mutex g_engines_mu;
std::vector<Engine::Impl *> g_engines;  // for shutdown(): every live engine

Event failure(Code code, const Request &req) {
    Event e;
    e.kind = Event::LoadFailed;
    e.code = code;
    e.method = req.method;
    return e;
}
}  // namespace

void shutdown() {
    std::lock_guard<std::mutex> lock(g_engines_mu);
    for (Engine::Impl *d : g_engines) d->stop_threads();
}

// Joins the background threads at exit, before libtorch's static objects are destroyed. Those
// that libtorch creates lazily (on a model's first load or call) register their destructors
// then, and exit runs destructors and handlers newest first: so the handler is registered
// again after each load, once libtorch's lazily made objects exist (shutdown is idempotent).
void guard_exit() { std::atexit(shutdown); }

Engine::Impl::Impl() {
    std::lock_guard<std::mutex> lock(g_engines_mu);
    g_engines.push_back(this);
}

Engine::Impl::~Impl() {
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

void Engine::Impl::stop_threads() {
    {
        std::lock_guard<std::mutex> lock(mu);
        quit = true;
    }
    cv.notify_all();
    if (loader.joinable()) loader.join();
    for (Runner *r : {current.load(), incoming.load(), draining})
        if (r) r->stream.wait_idle();
    for (auto &slot : retired)
        if (Runner *r = slot.load()) r->stream.wait_idle();
}

void Engine::Impl::start_loader() {
    if (!loader.joinable()) loader = std::thread([this] { loader_loop(); });
}

void Engine::Impl::loader_loop() {
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

std::unique_ptr<Runner> Engine::Impl::build(const Request &req, int block, double sr, bool worker_mode, int lookahead,
                                            std::shared_ptr<Model> &model_out, Event &err,
                                            std::vector<Event> &warnings, bool &method_missing) {
    method_missing = false;
    try {
        std::shared_ptr<Model> m = req.model;
        if (!m) {
            m = load_model(req.path, err, warnings);
            if (!m) return nullptr;
        }
        model_out = m;
        const ModelInfo &info = model_info(*m);
        const MethodInfo *mi = info.find(req.method);
        if (!mi) {
            err = failure(Code::NoMethod, req);
            err.path = info.path;
            err.detail = info.names();
            method_missing = true;
            return nullptr;
        }
        if (mi->in_ch > max_in || mi->out_ch > max_out) {
            err = failure(Code::TooManyChannels, req);
            err.path = info.path;
            err.count = mi->in_ch;
            err.limit = mi->out_ch;
            err.value = max_in;
            err.extra = max_out;
            return nullptr;
        }
        int q = info.ratio;
        int b = req.buffer > 0 ? req.buffer : q;
        if (b % q) {
            int up = (b / q + 1) * q;
            Event w;
            w.kind = Event::Warning;
            w.code = Code::BufferRounded;
            w.count = b;
            w.limit = q;
            w.value = up;
            warnings.push_back(w);
            b = up;
        }
        if (b > kMaxBuffer) {
            err = failure(Code::BufferTooLarge, req);
            err.count = b;
            err.limit = kMaxBuffer;
            return nullptr;
        }
        auto r = std::make_unique<Runner>(m, *mi, b);
        r->fresh_stream = req.restart;
        // Warm-up calls on silence: they check the output shape now rather than in perform,
        // and let the JIT profile and optimize here instead of on the first audio buffers.
        for (int i = 0; i < kWarmupCalls; i++) {
            CallFailure why;
            if (!r->test_call(why)) {
                err = failure(Code::TestCallFailed, req);
                err.call = why;
                err.count = b;
                return nullptr;
            }
        }
        // The worker thread warms up with calls of its own (runner.hpp), before the resets below,
        // so that the stream starts from the model's fresh state.
        r->start_worker();
        // reset() too: its first calls profile and optimize like forward's (about 5 ms each)
        for (int i = 0; info.has_reset && i < kWarmupCalls; i++) {
            CallFailure why;
            if (!r->test_reset(why)) {
                err = failure(Code::ResetTestFailed, req);
                err.call = why;
                return nullptr;
            }
        }
        if (block > 0) r->stream.prepare(block, sr, worker_mode, lookahead_for(lookahead, b, block));
        return r;
    } catch (const std::exception &x) {
        err = failure(Code::SetupFailed, req);
        err.detail = error_text(x);
    } catch (...) {
        err = failure(Code::SetupFailed, req);
    }
    return nullptr;
}

int Engine::Impl::lookahead_for(int request, int b, int block) {
    return request > 0 ? request : auto_lookahead(b, -request, block);
}

Request Engine::Impl::unshared(Request req) const {
    Runner *r = current.load();
    if (req.model && r && r->model == req.model) {
        req.path = model_info(*req.model).path;
        req.model = nullptr;
    }
    return req;
}

void Engine::Impl::offer(Runner *r) {
    collect_retired();
    free_later(incoming.exchange(r));
}

void Engine::Impl::collect_retired() {
    for (auto &slot : retired)
        if (Runner *old = slot.exchange(nullptr)) free_later(old);
}

void Engine::Impl::free_later(Runner *r) {
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

void Engine::Impl::swap(int block, bool worker_mode) {
    Runner *in = incoming.exchange(nullptr);
    if (!in) return;
    Runner *old = current.load();
    bool go_on = !in->fresh_stream && old && in->stream.can_continue(old->stream, block, worker_mode);
    if (go_on) in->stream.take_over(old->stream);
    current.store(in);
    if (old) {
        if (draining && draining != old) retire(draining);
        bool drain = go_on && worker_mode && old->stream.has_jobs_in_flight();
        draining = drain ? old : nullptr;
        if (!drain) retire(old);
    }
    swapped.store(true);
}

void Engine::Impl::retire(Runner *r) {
    if (draining == r) draining = nullptr;
    for (auto &slot : retired) {
        Runner *expected = nullptr;
        if (slot.compare_exchange_strong(expected, r)) return;
    }
    draining = r;  // every slot taken (poll has not run for several swaps): retried later
}

void prepare_runner(Runner *r, int block, double sr, bool worker, int lookahead_code) {
    r->stream.wait_idle();
    r->stream.prepare(block, sr, worker, Engine::Impl::lookahead_for(lookahead_code, r->buffer, block));
}

}  // namespace brave
