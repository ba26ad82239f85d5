// The stream (fifo.hpp) and the latency formulas; no libtorch.
#include "fifo.hpp"

#include <numeric>

namespace brave {

int added_latency(int buffer, int block, bool worker, int lookahead) {
    if (buffer <= 0 || block <= 0) return 0;
    return buffer - std::gcd(buffer, block) + (worker ? std::max(1, lookahead) * buffer : 0);
}

int auto_lookahead(int buffer, int burst, int block) {
    if (buffer <= 0 || burst <= block) return 1;
    return std::max(1, std::min(kMaxLookahead, 1 + (burst - block + buffer - 1) / buffer));
}

// ------------------------------------------------------------------------------------ JobRing

void JobRing::reserve(int slots, size_t in_size, size_t out_size) {
    if (slots <= slots_ && in_size == in_size_ && out_size == out_size_) return;
    slots_ = std::max(slots, slots_);
    in_size_ = in_size;
    out_size_ = out_size;
    in_slots_.assign((size_t)slots_ * in_size, 0.f);
    out_slots_.assign((size_t)slots_ * out_size, 0.f);
    slot_job_.assign(slots_, -1);
}

void JobRing::wait_idle(long last_job) {
    skip_below_.store(last_job + 1, std::memory_order_release);
    while (!idle()) std::this_thread::sleep_for(std::chrono::microseconds(100));
}

void JobRing::continue_after(long last_job) {
    for (auto *a : {&req_, &started_, &done_}) a->store(last_job, std::memory_order_relaxed);
    skip_below_.store(last_job + 1, std::memory_order_relaxed);
}

void JobRing::submit(long j, const float *input, bool reset_first) {
    long sj = slot_job_[j % slots_];  // the job whose input the slot holds
    if (sj < 0 || started_.load(std::memory_order_acquire) >= sj) {
        std::memcpy(in_slot(j), input, sizeof(float) * in_size_);
        slot_job_[j % slots_] = j;
    } else {
        skip_below_.store(j + 1, std::memory_order_release);
    }
    if (reset_first) reset_at_.store(j, std::memory_order_relaxed);
    req_.store(j, std::memory_order_release);
    sem_post(&sem_);
}

const float *JobRing::result(long d, Deadline deadline, bool forever) {
    if (slot_job_[d % slots_] == d) {
        while (done_.load(std::memory_order_acquire) < d && (forever || std::chrono::steady_clock::now() < deadline))
            std::this_thread::sleep_for(std::chrono::microseconds(20));
        if (done_.load(std::memory_order_acquire) >= d) return out_slot(d);
    }
    if (skip_below_.load(std::memory_order_relaxed) <= d) skip_below_.store(d + 1, std::memory_order_release);
    return nullptr;
}

// ------------------------------------------------------------------------------------- Stream

Stream::Stream(const Shape &shape, StreamStats &stats, std::atomic<bool> &doorbell)
    : shape_(shape), stats_(stats), doorbell_(doorbell) {
    collect_.assign(shape_.in_size(), 0.f);
}

void Stream::prepare(int block, double sample_rate, bool worker, int lookahead) {
    block_ = block;
    worker_ = worker;
    lookahead_ = std::max(1, std::min(kMaxLookahead, lookahead));
    buffer_ms_ = sample_rate > 0 ? 1000.0 * shape_.buffer / sample_rate : 0;
    cap_ = added_latency(shape_.buffer, block, true, lookahead_) + block + 2 * shape_.buffer;
    fifo_.assign((size_t)shape_.out_ch * cap_, 0.f);
    ring_.reserve(lookahead_ + 2, shape_.in_size(), shape_.out_size());
    restart();
}

bool Stream::can_continue(const Stream &o, int block, bool worker) const {
    const Shape &a = o.shape_, &b = shape_;
    return o.block_ == block && block_ == block && a.buffer == b.buffer && o.cap_ == cap_ && o.worker_ == worker &&
           o.lookahead_ == lookahead_ && a.in_ch == b.in_ch && a.in_ratio == b.in_ratio && a.out_ch == b.out_ch;
}

void Stream::take_over(const Stream &o) {
    worker_ = o.worker_;
    std::memcpy(fifo_.data(), o.fifo_.data(), sizeof(float) * fifo_.size());
    rpos_ = o.rpos_;
    fill_ = o.fill_;
    std::memcpy(collect_.data(), o.collect_.data(), sizeof(float) * collect_.size());
    collected_ = o.collected_;
    reset_model_ = o.reset_model_;
    since_reset_ = o.since_reset_;
    // job numbers go on from the old stream's: this worker counts jobs up to there as done
    next_job_ = o.next_job_;
    first_due_ = o.next_job_ + 1;
    drain_last_ = o.next_job_;
    drain_first_ = o.first_due_;
    ring_.continue_after(o.next_job_);
}

void Stream::restart() {
    latency_ = added_latency(shape_.buffer, block_, worker_, lookahead_);
    std::fill(fifo_.begin(), fifo_.end(), 0.f);
    std::fill(collect_.begin(), collect_.end(), 0.f);
    rpos_ = 0;
    fill_ = latency_;
    collected_ = 0;
    first_due_ = next_job_ + 1;
    drain_last_ = 0;
    ring_.skip_through(next_job_);
}

bool Stream::switch_mode(bool worker) {
    if (worker == worker_) return false;
    worker_ = worker;
    restart();
    return true;
}

bool Stream::ask_reset() {
    bool restarted = since_reset_ >= shape_.buffer;
    if (restarted) restart();
    reset_model_ = true;
    since_reset_ = 0;
    return restarted;
}

void Stream::collect(const float *const *in, int from, int take) {
    int n_in = shape_.n_in(), ratio = shape_.in_ratio;
    for (int c = 0; c < shape_.in_ch; c++) {
        const float *src = in[c] + from;
        float *dst = collect_.data() + (size_t)c * n_in;
        if (ratio == 1) {
            std::memcpy(dst + collected_, src, sizeof(float) * take);
        } else {  // keep one sample in every in_ratio
            for (int j = 0; j < take; j++) {
                int pos = collected_ + j;
                if (pos % ratio == 0) dst[pos / ratio] = src[j];
            }
        }
    }
    collected_ += take;
}

void Stream::append(const float *src) {
    int buffer = shape_.buffer, n_out = shape_.n_out(), ratio = shape_.out_ratio;
    if (fill_ + buffer > cap_) return;  // cannot happen with cap >= L + N + B
    int wpos = (rpos_ + fill_) % cap_;
    for (int c = 0; c < shape_.out_ch; c++) {
        float *dst = fifo_.data() + (size_t)c * cap_;
        int p = wpos;
        if (src) {
            const float *s = src + (size_t)c * n_out;
            for (int k = 0; k < n_out; k++) {
                float v = s[k];
                for (int r = 0; r < ratio; r++) {  // each output step holds for out_ratio samples
                    dst[p] = v;
                    if (++p == cap_) p = 0;
                }
            }
        } else {
            for (int k = 0; k < buffer; k++) {
                dst[p] = 0.f;
                if (++p == cap_) p = 0;
            }
        }
    }
    fill_ += buffer;
}

void Stream::silence_for_late() {
    append(nullptr);
    stats_.late.add(1);
    stats_.overruns.add(1);
    stats_.behind_ms.add(buffer_ms_);
    doorbell_.store(true, std::memory_order_relaxed);
}

// A synchronous call slower than its buffer lasts (worker mode counts late results instead).
void Stream::note_call(double ms) {
    if (buffer_ms_ <= 0 || ms <= buffer_ms_) return;
    stats_.overruns.add(1);
    stats_.behind_ms.add(ms - buffer_ms_);
    doorbell_.store(true, std::memory_order_relaxed);
}

void Stream::output(float *const *out, int host_outs, int n) {
    int avail = std::min(n, fill_);  // == n by construction
    for (int c = 0; c < host_outs; c++) {
        float *o = out[c];
        if (c >= shape_.out_ch) {
            std::memset(o, 0, sizeof(float) * n);
            continue;
        }
        const float *src = fifo_.data() + (size_t)c * cap_;
        int p = rpos_;
        for (int j = 0; j < avail; j++) {
            o[j] = src[p];
            if (++p == cap_) p = 0;
        }
        for (int j = avail; j < n; j++) o[j] = 0;
    }
    rpos_ = (rpos_ + avail) % cap_;
    fill_ -= avail;
}

}  // namespace brave
