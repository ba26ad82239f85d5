// A runner (runner.hpp): the model call in libtorch, and the worker thread around it.
#include "runner.hpp"

#include "model.hpp"
#include "text.hpp"
#include "threads.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace brave {

// The method and the memory its tensors wrap, allocated once: a call allocates only inside
// libtorch.
struct Runner::Call {
    torch::jit::Method method;
    std::vector<float> in_buf;         // (in_ch, n_in): the model's input, wrapped by in_tensor
    at::Tensor in_tensor;
    std::vector<float> out_buf;        // (out_ch, n_out): the last call's output (silence on failure)
    std::vector<c10::IValue> stack;

    Call(Model &m, const MethodInfo &info, const Shape &s) : method(m.module.get_method(info.name)) {
        in_buf.assign(s.in_size(), 0.f);
        out_buf.assign(s.out_size(), 0.f);
        in_tensor = torch::from_blob(in_buf.data(), {1, info.in_ch, s.n_in()}, torch::kFloat);
        stack.reserve(8);
    }
};

namespace {

Shape shape_of(const MethodInfo &mi, int buffer) {
    Shape s;
    s.in_ch = mi.in_ch;
    s.in_ratio = mi.in_ratio;
    s.out_ch = mi.out_ch;
    s.out_ratio = mi.out_ratio;
    s.buffer = buffer;
    return s;
}

void threw(CallFailure &f, CallFailure::What what, const char *message) {
    f.what = what;
    one_line(message, f.detail, sizeof(f.detail));
}

// Runs the method once on in_buf into out_buf. Never throws; `f` says why it failed.
bool run_once(Runner::Call &c, const MethodInfo &info, int n_out, CallFailure &f) {
    snprintf(f.method, sizeof(f.method), "%s", info.name.c_str());
    try {
        c10::InferenceMode guard;
        c.stack.clear();
        c.stack.emplace_back(c.in_tensor);
        c.method.run(c.stack);
        if (c.stack.empty() || !c.stack.back().isTensor()) {
            c.stack.clear();
            f.what = CallFailure::NotATensor;
            return false;
        }
        at::Tensor out = c.stack.back().toTensor();
        c.stack.clear();
        if (out.dim() != 3 || out.size(0) != 1 || out.size(1) != info.out_ch || out.size(2) != n_out) {
            f.what = CallFailure::WrongShape;
            f.ndim = (int)std::min<int64_t>(out.dim(), 8);
            for (int d = 0; d < f.ndim; d++) f.shape[d] = (long)out.size(d);
            f.out_ch = info.out_ch;
            f.n_out = n_out;
            return false;
        }
        if (out.scalar_type() != at::kFloat) out = out.to(at::kFloat);
        out = out.contiguous();
        std::memcpy(c.out_buf.data(), out.data_ptr<float>(), sizeof(float) * c.out_buf.size());
        return true;
    } catch (const c10::Error &x) {
        c.stack.clear();
        threw(f, CallFailure::Threw, x.what_without_backtrace());
    } catch (const std::exception &x) {
        c.stack.clear();
        threw(f, CallFailure::Threw, x.what());
    } catch (...) {
        c.stack.clear();
        f.what = CallFailure::UnknownException;
    }
    return false;
}

bool model_reset(Model &m, CallFailure &f) {
    try {
        c10::InferenceMode guard;
        m.module.get_method("reset")(std::vector<c10::IValue>{});
        return true;
    } catch (const std::exception &x) {
        threw(f, CallFailure::ResetThrew, x.what());
        return false;
    }
}

}  // namespace

Runner::Runner(std::shared_ptr<Model> m, const MethodInfo &mi, int b)
    : model(std::move(m)), info(mi), buffer(b), stream(shape_of(mi, b), stats.stream, doorbell),
      call_(new Call(*model, info, stream.shape())) {}

Runner::~Runner() {
    if (!thread_.joinable()) return;
    stream.ring().quit();
    thread_.join();
}

bool Runner::test_call(CallFailure &why) { return run_once(*call_, info, stream.shape().n_out(), why); }

bool Runner::test_reset(CallFailure &why) { return model_reset(*model, why); }

void Runner::take(const float *input) {
    std::memcpy(call_->in_buf.data(), input, sizeof(float) * call_->in_buf.size());
}

// One model call on the input taken (the model's reset() first when asked): the output, or
// silence when the call fails or returns NaN / inf; the caller's statistics updated.
const float *Runner::run(bool reset_first, double &ms) {
    auto t0 = std::chrono::steady_clock::now();
    std::vector<float> &out = call_->out_buf;
    CallFailure f;
    bool ok = true;
    if (reset_first && model->info.has_reset) ok = model_reset(*model, f);
    if (ok) ok = run_once(*call_, info, stream.shape().n_out(), f);
    if (ok) {
        long bad = 0;
        for (float v : out) bad += !std::isfinite(v);
        if (bad) {
            std::fill(out.begin(), out.end(), 0.f);
            stats.call.nonfinite.add(bad);
            if (!nonfinite_seen.exchange(true)) doorbell.store(true);
        }
    } else {
        std::fill(out.begin(), out.end(), 0.f);
        stats.call.errors.add(1);
        if (!failed.load()) {
            first_failure = f;
            failed.store(true);
            doorbell.store(true);
        }
    }
    ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    stats.record_call(ms);
    return out.data();
}

void Runner::start_worker() {
    if (thread_.joinable()) return;
    std::promise<void> warmed;
    auto done = warmed.get_future();
    thread_ = std::thread([this, &warmed] { worker_loop(warmed); });
    done.wait();
    stream.ring().set_has_worker(true);
}

void Runner::worker_loop(std::promise<void> &warmed) {
    block_host_signals();
    c10::InferenceMode guard;
    int threads = 0, sched_gen = -1;
    apply_threads(threads);
    apply_worker_sched(sched_gen);
    for (int i = 0; i < kWarmupCalls; i++) {  // the loader's calls succeeded: the outcome is known
        CallFailure ignored;
        run_once(*call_, info, stream.shape().n_out(), ignored);
    }
    warmed.set_value();  // `warmed` lives in start_worker, which returns now: not used below
    JobRing &ring = stream.ring();
    while (ring.wait_for_work()) {
        apply_threads(threads);
        apply_worker_sched(sched_gen);
        ring.run_pending(*this);
    }
}

}  // namespace brave

