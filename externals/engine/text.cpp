// Text helpers (text.hpp).
#include "text.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace brave {

void one_line(const char *what, char *dst, size_t n) {
    if (n == 0) return;
    bool traceback = std::strstr(what, "Traceback of TorchScript") || std::strstr(what, "The following operation failed");
    const char *best = nullptr, *best_end = nullptr;
    for (const char *p = what; *p;) {
        const char *e = std::strchr(p, '\n');
        if (!e) e = p + std::strlen(p);
        const char *q = p;
        while (q < e && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
        if (q < e) {
            best = q;
            best_end = e;
            if (!traceback) break;
        }
        p = *e ? e + 1 : e;
    }
    if (!best) {
        snprintf(dst, n, "unknown error");
        return;
    }
    size_t len = std::min((size_t)(best_end - best), n - 1);
    std::memcpy(dst, best, len);
    dst[len] = 0;
}

std::string short_error(const std::string &what) {
    char buf[400];
    one_line(what.c_str(), buf, sizeof(buf));
    for (char *p = buf; *p; ++p)
        if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e) *p = '?';
    return buf;
}

bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace brave
