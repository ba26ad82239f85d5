// What the engine's two test programs share (engine_test with models, fifo_test without
// libtorch): an allocation counter for the audio side, which must not allocate or free, the
// CHECK macro that reports a failed condition and leaves the test, and the loop that runs the
// tests. Include it from one file per program: it defines the global operator new and delete.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>

// ------------------------------------------------------------------------- allocation counter

static thread_local bool g_counting = false;
static thread_local long g_allocs = 0;

void *operator new(std::size_t n) {
    if (g_counting) g_allocs++;
    if (void *p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void *operator new[](std::size_t n) {
    if (g_counting) g_allocs++;
    if (void *p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept {
    if (g_counting) g_allocs++;  // a free in perform is as bad as an allocation
    std::free(p);
}
void operator delete[](void *p) noexcept {
    if (g_counting) g_allocs++;
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept { operator delete(p); }
void operator delete[](void *p, std::size_t) noexcept { operator delete[](p); }

// ---------------------------------------------------------------------------------- helpers

static int g_failures = 0;

#define CHECK(cond, ...)                                                   \
    do {                                                                   \
        if (!(cond)) {                                                     \
            std::printf("  FAILED %s:%d: %s: ", __FILE__, __LINE__, #cond); \
            std::printf(__VA_ARGS__);                                      \
            std::printf("\n");                                             \
            g_failures++;                                                  \
            return;                                                        \
        }                                                                  \
    } while (0)

// The tests of a program, run in order (only the one named `only` when it is not null): each
// says its name, then ok or FAIL; the exit code is 1 when any check failed.
struct Test {
    const char *name;
    void (*fn)();
};

template <std::size_t N>
int run_tests(const Test (&tests)[N], const char *only) {
    for (const Test &t : tests) {
        if (only && std::strcmp(only, t.name)) continue;
        int before = g_failures;
        std::printf("%s\n", t.name);
        t.fn();
        std::printf("%s %s\n", g_failures == before ? "ok" : "FAIL", t.name);
    }
    std::printf("%d failure(s)\n", g_failures);
    return g_failures ? 1 : 0;
}
