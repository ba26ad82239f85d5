// One method of one model at one buffer size: the model call (libtorch, behind Call in
// runner.cpp), its stream (fifo.hpp), its statistics (stats.hpp) and, for worker mode, its own
// worker thread. No torch header here: the loader and the API see only this.
#pragma once

#include "engine.hpp"
#include "fifo.hpp"
#include "stats.hpp"

#include <atomic>
#include <future>
#include <memory>
#include <thread>

namespace brave {

class Runner {
public:
    Runner(std::shared_ptr<Model> m, const MethodInfo &mi, int buffer);
    ~Runner();
    Runner(const Runner &) = delete;
    Runner &operator=(const Runner &) = delete;

    const std::shared_ptr<Model> model;
    const MethodInfo info;
    const int buffer;                  // B: samples per model call
    bool fresh_stream = false;         // at the swap, restart the stream rather than continue the old one

    RunStats stats;
    std::atomic<bool> doorbell{false}; // news for the host: set by whoever has it, cleared by poll
    Stream stream;                     // perform's (the control side's while perform does not run)

    // The first failed call, written once by the model's caller before it sets `failed`; said
    // once by the control side.
    CallFailure first_failure;
    std::atomic<bool> failed{false}, nonfinite_seen{false};
    bool failure_said = false, nonfinite_said = false;  // control side

    // Warm-up (the loader, before the runner is offered): calls on silence, then reset()s.
    bool test_call(CallFailure &why);
    bool test_reset(CallFailure &why);
    // The worker thread (started by the loader, stopped by the destructor). It returns once the
    // thread has made its own warm-up calls: a thread's first libtorch calls cost several times
    // a warm one (its thread-local state, its intra-op pool), which must not fall on the first
    // buffer after a swap.
    void start_worker();
    bool worker_idle() const { return stream.ring().idle(); }

    // The model call as the stream injects it (fifo.hpp): the model's caller only.
    void take(const float *input);
    const float *run(bool reset_first, double &ms);

    struct Call;                       // the TorchScript method and its tensors (runner.cpp)

private:
    std::unique_ptr<Call> call_;
    std::thread thread_;

    void worker_loop(std::promise<void> &warmed);
};

}  // namespace brave
