// The stream: what perform does with the host's blocks, on plain float buffers, without libtorch
// (the model call is injected), so that its arithmetic is tested without a model
// (tests/engine/fifo_test.cpp).
//
// With BUFFER = B samples per model call and the host's block of N samples, each block first
// consumes its N input samples, handing the collected buffer to the model each time B samples are
// in, then outputs N samples from an output FIFO. The FIFO starts with L = B - gcd(B, N) zeros:
// the least head start that never lets it run dry, since after block k it has received
// B * floor(kN / B) samples and must have given out kN, and kN mod B takes at most the value
// B - gcd(B, N).
//
// Synchronous mode calls the model inside perform as soon as a buffer is complete: least latency,
// but the call must fit in the audio callback. Worker mode hands each buffer to a worker thread
// through a JobRing and appends the result of the buffer K before it instead (K = the lookahead),
// so every output arrives exactly K buffers later (head start L + K B) and each call has K buffers
// of wall-clock time, plus what perform may wait for it (the host's deadline). A result that is
// not there by the deadline means silence for that buffer, counted as late.
//
// Calls, the injected model call (Runner in the engine, a fake in the tests), has:
//   void take(const float *input)                  one buffer's input, in_ch x n_in (copied)
//   const float *run(bool reset_first, double &ms) one call on the input taken last; its output,
//                                                  out_ch x n_out (silence when the call failed)
#pragma once

#include "engine.hpp"
#include "stats.hpp"

#include <semaphore.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

namespace brave {

using Deadline = std::chrono::steady_clock::time_point;

// One method's channels and ratios at one buffer size.
struct Shape {
    int in_ch = 1, in_ratio = 1, out_ch = 1, out_ratio = 1;
    int buffer = 1;                    // B: samples per model call
    int n_in() const { return buffer / in_ratio; }     // time steps of the model's input
    int n_out() const { return buffer / out_ratio; }   // ... and of its output
    size_t in_size() const { return (size_t)in_ch * n_in(); }
    size_t out_size() const { return (size_t)out_ch * n_out(); }
};

// Worker mode's hand-off between perform (which numbers the buffers as they complete: jobs 1,
// 2, ...) and one worker thread. Job j's input goes to slot j % slots and the worker is told
// (req = j). When job j completes, perform takes the result of job j - K, waiting for it up to
// the host's deadline; a result that is still not there is silence, and the worker is told to
// skip every job up to it that it has not started, so that one late call does not make the next
// ones late too. The worker copies a job's input out of its slot before it says it started it:
// perform writes slot j % slots only once job j - slots has started (slots = K + 2, so that
// job's result, due at j - 2, has been taken).
class JobRing {
public:
    JobRing() { sem_init(&sem_, 0, 0); }
    ~JobRing() { sem_destroy(&sem_); }
    JobRing(const JobRing &) = delete;
    JobRing &operator=(const JobRing &) = delete;

    // Control side, the worker idle: room for `slots` jobs (allocates; never shrinks).
    void reserve(int slots, size_t in_size, size_t out_size);
    // Control side: until the worker has finished what it runs (a call at most: it skips the
    // jobs up to `last_job`, whose results are no longer wanted).
    void wait_idle(long last_job);
    // Control side, before the worker sees any job: numbering goes on after `last_job`, which
    // the worker counts as done (a runner taking over another's stream).
    void continue_after(long last_job);

    // ---- perform's side
    bool has_worker() const { return has_worker_.load(std::memory_order_relaxed); }
    bool idle() const {
        return done_.load(std::memory_order_acquire) >= req_.load(std::memory_order_relaxed);
    }
    // Job j (`input`, one buffer) to the worker, unless its slot still holds a job the worker has
    // not started (it runs `slots` jobs late): then everything up to j is skipped.
    void submit(long j, const float *input, bool reset_first);
    // The result of job d, waited for up to `deadline` (a default time point: no wait; `forever`:
    // offline runs); nullptr when it is not there, and then the worker skips every job up to d
    // that it has not started.
    const float *result(long d, Deadline deadline, bool forever);
    // Results of jobs up to j are no longer wanted.
    void skip_through(long j) { skip_below_.store(j + 1, std::memory_order_release); }

    // ---- the worker's side (one thread; its owner says when it runs)
    void set_has_worker(bool on) { has_worker_.store(on); }
    // Blocks until there may be work; false once quit() was called.
    bool wait_for_work() {
        while (sem_wait(&sem_) != 0) {
        }
        return !quit_.load();
    }
    void quit() {
        quit_.store(true);
        sem_post(&sem_);
    }
    // Runs every job handed out and still wanted, through `calls`.
    template <class Calls>
    void run_pending(Calls &calls);

private:
    int slots_ = 0;
    size_t in_size_ = 0, out_size_ = 0;
    std::vector<float> in_slots_, out_slots_;   // (slots, in_size) and (slots, out_size)
    std::vector<long> slot_job_;                 // perform's: which job's input each slot holds
    std::atomic<long> req_{0};                   // perform: the last job handed out
    std::atomic<long> started_{0}, done_{0};     // the worker
    std::atomic<long> skip_below_{0};            // perform (control side when it is idle)
    std::atomic<long> reset_at_{0};              // perform: the job to call the model's reset() before
    long reset_done_ = 0;                        // the worker's
    std::atomic<bool> has_worker_{false}, quit_{false};
    sem_t sem_;

    float *in_slot(long j) { return in_slots_.data() + (size_t)(j % slots_) * in_size_; }
    float *out_slot(long j) { return out_slots_.data() + (size_t)(j % slots_) * out_size_; }
};

template <class Calls>
void JobRing::run_pending(Calls &calls) {
    for (;;) {
        long s = done_.load(std::memory_order_relaxed) + 1;  // the worker alone writes done
        if (s > req_.load(std::memory_order_acquire) || quit_.load(std::memory_order_relaxed)) break;
        long ra = reset_at_.load(std::memory_order_relaxed);
        long sb = skip_below_.load(std::memory_order_acquire);
        if (s < sb) {  // not wanted: on to the first job that is
            long to = std::min(sb - 1, req_.load(std::memory_order_acquire));
            started_.store(to, std::memory_order_release);
            done_.store(to, std::memory_order_release);
            continue;
        }
        calls.take(in_slot(s));
        started_.store(s, std::memory_order_release);
        bool reset_first = ra > reset_done_ && ra <= s;
        if (reset_first) reset_done_ = ra;
        double ms = 0;
        const float *out = calls.run(reset_first, ms);
        std::memcpy(out_slot(s), out, sizeof(float) * out_size_);
        done_.store(s, std::memory_order_release);
    }
}

// One method's stream at one buffer size: collect -> call (or hand over) -> FIFO -> output.
// Control side calls (prepare, restart, take_over) never overlap perform's (process ...).
class Stream {
public:
    // `stats` (perform's counters) and `doorbell` (news for the host) belong to the owner.
    Stream(const Shape &shape, StreamStats &stats, std::atomic<bool> &doorbell);

    const Shape &shape() const { return shape_; }
    int block() const { return block_; }           // host block prepared for; 0: not yet
    bool worker() const { return worker_; }
    int lookahead() const { return lookahead_; }   // K, worker mode
    int latency() const { return latency_; }       // the head start in force
    JobRing &ring() { return ring_; }
    const JobRing &ring() const { return ring_; }

    // ---- control side
    // Sizes the FIFO for host block `block` (room for either mode and any lookahead up to this
    // one's, so that switching modes needs no allocation) and restarts the stream. The worker is
    // idle or stopped (JobRing::wait_idle).
    void prepare(int block, double sample_rate, bool worker, int lookahead);
    // Whether this stream, prepared for `block`, can continue `old`'s in `worker` mode.
    bool can_continue(const Stream &old, int block, bool worker) const;
    // Continues `old`'s stream: the output already computed stays in the FIFO, the partly
    // collected buffer carries on, and in worker mode old's jobs in flight are still taken from
    // old (it drains: process's `draining`). No silence is inserted.
    void take_over(const Stream &old);
    // Whether `old`, taken over, still has results to hand in worker mode.
    bool has_jobs_in_flight() const { return first_due_ <= next_job_; }
    void wait_idle() { ring_.wait_idle(next_job_); }

    // ---- audio side (restart() on the control side too)
    // Zeros the FIFO with its head start for the mode; results of jobs handed out so far are no
    // longer wanted (the worker skips those it has not started).
    void restart();
    // Worker or synchronous mode from now on; true when that restarted the stream.
    bool switch_mode(bool worker);
    // The model's state is to be zeroed before its next call. Returns true when the stream
    // restarted; resets closer together than one buffer are merged instead (false): restarting
    // every time would keep the model from ever running.
    bool ask_reset();
    // One host block: n samples of in[c] for c < in_ch consumed, then n samples to out[c] for
    // c < host_outs. Returns true when `draining` (the stream this one took over) has handed in
    // its last result and can go.
    template <class Calls>
    bool process(const float *const *in, float *const *out, int host_outs, int n, Calls &calls, Stream *draining,
                 bool wait, Deadline deadline);

private:
    Shape shape_;
    StreamStats &stats_;
    std::atomic<bool> &doorbell_;
    JobRing ring_;
    int block_ = 0;
    bool worker_ = false;
    int lookahead_ = 1;
    int latency_ = 0, cap_ = 0;
    double buffer_ms_ = 0;         // one buffer in real time
    std::vector<float> collect_;   // (in_ch, n_in): the next buffer, collected
    std::vector<float> fifo_;      // (out_ch, cap)
    int rpos_ = 0, fill_ = 0, collected_ = 0;
    bool reset_model_ = false;     // call the model's reset() before the next call
    long since_reset_ = 1L << 40;  // samples since the last reset request
    long next_job_ = 0;            // the last job number handed out
    long first_due_ = 1;           // results of jobs before it are not wanted (stream restarted)
    long drain_last_ = 0;          // taken over: the old stream's jobs up to this one are its own,
    long drain_first_ = 1;         // and it wanted the results from this one on

    void collect(const float *const *in, int from, int take);
    void append(const float *src);  // one buffer: n_out samples per channel, or silence (nullptr)
    void silence_for_late();
    void note_call(double ms);
    void output(float *const *out, int host_outs, int n);
};

template <class Calls>
bool Stream::process(const float *const *in, float *const *out, int host_outs, int n, Calls &calls,
                     Stream *draining, bool wait, Deadline deadline) {
    bool drained = false;
    if (since_reset_ < (1L << 40)) since_reset_ += n;
    // 1. consume all inputs first (the host may hand us the same memory for inputs and outputs)
    int i = 0;
    while (i < n) {
        int take = std::min(n - i, shape_.buffer - collected_);
        collect(in, i, take);
        i += take;
        if (collected_ < shape_.buffer) continue;
        collected_ = 0;
        long j = ++next_job_;
        if (!worker_) {
            if (wait)
                while (!ring_.idle()) std::this_thread::sleep_for(std::chrono::microseconds(20));
            if (!ring_.idle()) {  // the worker still runs a job from before the mode switch
                silence_for_late();
                continue;
            }
            calls.take(collect_.data());
            double ms = 0;
            const float *res = calls.run(reset_model_, ms);
            reset_model_ = false;
            note_call(ms);
            append(res);
            continue;
        }
        // worker mode: hand this buffer over, then take the result due now (K buffers ago), from
        // the stream this one took over from while its jobs are due
        if (ring_.has_worker()) {
            ring_.submit(j, collect_.data(), reset_model_);
            reset_model_ = false;
        }
        long due = j - lookahead_;
        if (due <= drain_last_) {
            if (due >= drain_first_) {
                const float *res = draining && !drained ? draining->ring_.result(due, deadline, wait) : nullptr;
                if (res) append(res);
                else silence_for_late();
            }
            if (due == drain_last_) drained = true;
        } else if (due >= first_due_) {
            const float *res = ring_.result(due, deadline, wait);
            if (res) append(res);
            else silence_for_late();
        }
    }
    // 2. output n samples from the FIFO
    output(out, host_outs, n);
    return drained;
}

}  // namespace brave
