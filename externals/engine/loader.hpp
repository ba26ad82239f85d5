// The engine's inside (Engine::Impl): the runner perform plays and the swap to the next one, the
// loader thread that builds runners and frees old ones, and the control side's bookkeeping.
// No torch header.
#pragma once

#include "engine.hpp"
#include "runner.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace brave {

struct Engine::Impl {
    // what perform runs; swapped at the start of perform (or in poll when no perform runs)
    std::atomic<Runner *> current{nullptr}, incoming{nullptr};
    std::atomic<Runner *> retired[4] = {};  // swapped out, for poll to free (off the audio thread)
    // worker mode: the runner swapped out, until perform has taken the results of its last jobs
    Runner *draining = nullptr;       // perform's
    std::shared_ptr<Model> model;     // the last good model (control side), also while no method runs
    std::atomic<bool> reset_req{false};
    bool was_enabled = true;          // perform's
    bool note_thread = true;          // perform: note the audio thread (once per DSP start)
    int max_in = 1, max_out = 1;

    // the loader thread and its queue (control side and loader only)
    std::mutex mu;
    std::condition_variable cv;
    struct Job {
        Request req;
        int block;
        double sr;
        bool worker;
        int lookahead;                // lookahead_code()
        Runner *free_me = nullptr;    // a free job instead of a build
    };
    std::deque<Job> jobs;
    struct Result {
        std::unique_ptr<Runner> runner;
        std::shared_ptr<Model> model;
        Event err;
        std::vector<Event> warnings;
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

    Impl();
    ~Impl();
    // Stops the loader (after the job it runs) and every runner's worker (after its call).
    void stop_threads();
    void start_loader();

    // Loads (unless req.model), checks and warms up a runner; nullptr with `err` on failure.
    // `model_out` gets the model even when the method fails (so that `method` can fix it).
    std::unique_ptr<Runner> build(const Request &req, int block, double sr, bool worker_mode, int lookahead,
                                  std::shared_ptr<Model> &model_out, Event &err, std::vector<Event> &warnings,
                                  bool &method_missing);
    // The lookahead K for buffer b: the request, or from the host's burst (`request` packs both:
    // > 0 a request, <= 0 minus the burst).
    static int lookahead_for(int request, int b, int block);
    // A model that runs is never called from a second thread: method / buffer changes of the
    // running model load a fresh copy of its file (warm-up calls would race the running calls).
    Request unshared(Request req) const;

    // Offers a runner to perform (control side); one offered and not yet taken is dropped.
    void offer(Runner *r);
    void collect_retired();
    void free_later(Runner *r);       // in the loader thread: freeing a model can take a while
    // The swap (audio side, or control side when no perform runs).
    void swap(int block, bool worker_mode);
    void retire(Runner *r);           // audio side allowed: poll frees it later

private:
    void loader_loop();
};

// Control side, perform not running: a runner's worker may still run a job, so it is waited
// for before the runner's buffers are resized.
void prepare_runner(Runner *r, int block, double sr, bool worker, int lookahead_code);

}  // namespace brave
