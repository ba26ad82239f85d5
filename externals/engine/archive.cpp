// Archive checks (archive.hpp).
//
// TorchScript files are zip archives (stored, not compressed) with one top folder holding
// data.pkl, code/ and a `version` record: the file format version, which torch 2.5.1 writes as
// the lowest version that can read the file (3 for most models; up to 10 when the model uses an
// operator whose meaning changed). A newer torch that changes an operator writes a higher one.
// torch.save() files are zip archives too, without code/.
#include "archive.hpp"

#include "text.hpp"

#include <caffe2/serialize/versions.h>
#include <torch/version.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

namespace brave {

namespace {

struct ZipEntry {
    std::string name;
    uint64_t local_offset = 0;
    uint32_t size = 0;
    uint16_t method = 0;
};

uint32_t le(const unsigned char *p, int n) {
    uint32_t v = 0;
    for (int i = n - 1; i >= 0; i--) v = (v << 8) | p[i];
    return v;
}

// The archive's entries, from its central directory; false when the file is not a zip archive.
bool zip_entries(std::ifstream &f, std::vector<ZipEntry> &out) {
    f.seekg(0, std::ios::end);
    std::streamoff size = f.tellg();
    if (size < 22) return false;
    std::streamoff tail = std::min<std::streamoff>(size, 65535 + 22);
    std::vector<unsigned char> t((size_t)tail);
    f.seekg(size - tail);
    f.read((char *)t.data(), tail);
    if (!f) return false;
    long eocd = -1;
    for (long i = (long)tail - 22; i >= 0; i--)
        if (le(&t[i], 4) == 0x06054b50) { eocd = i; break; }
    if (eocd < 0) return false;
    uint64_t n = le(&t[eocd + 10], 2), cd_size = le(&t[eocd + 12], 4), cd_off = le(&t[eocd + 16], 4);
    if ((cd_off == 0xffffffffu || n == 0xffff) && eocd >= 20 && le(&t[eocd - 20], 4) == 0x07064b50) {  // zip64
        uint64_t z64 = le(&t[eocd - 12], 4) | ((uint64_t)le(&t[eocd - 8], 4) << 32);
        unsigned char r[56];
        f.seekg((std::streamoff)z64);
        f.read((char *)r, sizeof(r));
        if (!f || le(r, 4) != 0x06064b50) return false;
        n = le(r + 32, 4) | ((uint64_t)le(r + 36, 4) << 32);
        cd_size = le(r + 40, 4) | ((uint64_t)le(r + 44, 4) << 32);
        cd_off = le(r + 48, 4) | ((uint64_t)le(r + 52, 4) << 32);
    }
    if (cd_off + cd_size > (uint64_t)size || cd_size > (64u << 20)) return false;
    std::vector<unsigned char> cd((size_t)cd_size);
    f.seekg((std::streamoff)cd_off);
    f.read((char *)cd.data(), (std::streamsize)cd_size);
    if (!f) return false;
    size_t p = 0;
    for (uint64_t i = 0; i < n && p + 46 <= cd.size(); i++) {
        if (le(&cd[p], 4) != 0x02014b50) return false;
        size_t nl = le(&cd[p + 28], 2), xl = le(&cd[p + 30], 2), cl = le(&cd[p + 32], 2);
        if (p + 46 + nl > cd.size()) return false;
        ZipEntry e;
        e.method = (uint16_t)le(&cd[p + 10], 2);
        e.size = le(&cd[p + 20], 4);
        e.local_offset = le(&cd[p + 42], 4);
        e.name.assign((const char *)&cd[p + 46], nl);
        out.push_back(std::move(e));
        p += 46 + nl + xl + cl;
    }
    return true;
}

// A small stored (uncompressed) entry's bytes; "" when it cannot be read.
std::string zip_read_small(std::ifstream &f, const ZipEntry &e) {
    if (e.method != 0 || e.size > 64 || e.local_offset == 0xffffffffu) return "";
    unsigned char h[30];
    f.clear();
    f.seekg((std::streamoff)e.local_offset);
    f.read((char *)h, sizeof(h));
    if (!f || le(h, 4) != 0x04034b50) return "";
    f.seekg((std::streamoff)(e.local_offset + 30 + le(h + 26, 2) + le(h + 28, 2)));
    std::string s(e.size, '\0');
    f.read(&s[0], e.size);
    return f ? s : "";
}

// The torch version a sidecar MODEL.json next to the model names ("torch_version": "X"), if any.
std::string sidecar_torch_version(const std::string &path) {
    std::string json = (ends_with(path, ".ts") ? path.substr(0, path.size() - 3) : path) + ".json";
    std::ifstream f(json);
    if (!f) return "";
    std::stringstream ss;
    ss << f.rdbuf();
    std::string s = ss.str();
    size_t k = s.find("\"torch_version\"");
    if (k == std::string::npos) return "";
    size_t a = s.find('"', s.find(':', k) + 1);
    size_t b = a == std::string::npos ? a : s.find('"', a + 1);
    return b == std::string::npos ? "" : s.substr(a + 1, b - a - 1);
}

// "2.5.1+cu124" -> {2, 5, 1}; missing or non-numeric parts count as 0.
std::vector<long> version_numbers(const std::string &v) {
    std::vector<long> out;
    std::stringstream ss(v.substr(0, v.find('+')));
    std::string part;
    while (out.size() < 3 && std::getline(ss, part, '.')) out.push_back(std::strtol(part.c_str(), nullptr, 10));
    out.resize(3, 0);
    return out;
}

Event failed(Code code, const std::string &path) {
    Event e;
    e.kind = Event::LoadFailed;
    e.code = code;
    e.path = path;
    return e;
}

}  // namespace

std::string newer_sidecar_torch(const std::string &path) {
    std::string v = sidecar_torch_version(path);
    return !v.empty() && version_numbers(v) > version_numbers(TORCH_VERSION) ? v : "";
}

bool check_archive(const std::string &path, Event &err) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        err = failed(Code::CannotOpen, path);
        err.detail = std::strerror(errno);
        return false;
    }
    std::vector<ZipEntry> entries;
    if (!zip_entries(f, entries) || entries.empty()) {
        err = failed(Code::NotZip, path);
        return false;
    }
    bool code = false, data = false;
    const ZipEntry *version = nullptr;
    for (auto &e : entries) {
        size_t slash = e.name.find('/');
        std::string rest = slash == std::string::npos ? e.name : e.name.substr(slash + 1);
        if (rest.compare(0, 5, "code/") == 0) code = true;
        if (rest == "data.pkl") data = true;
        if (rest == "version" || rest == ".data/version") version = &e;
    }
    if (!code) {
        err = failed(data ? Code::TorchSaveFile : Code::NoCodeFolder, path);
        return false;
    }
    if (version) {
        long n = std::strtol(zip_read_small(f, *version).c_str(), nullptr, 10);
        if (n > (long)caffe2::serialize::kMaxSupportedFileFormatVersion) {
            err = failed(Code::NewerFormat, path);
            err.count = n;
            err.limit = (long)caffe2::serialize::kMaxSupportedFileFormatVersion;
            err.name = sidecar_torch_version(path);
            return false;
        }
    }
    return true;
}

Event load_error(const std::string &path, const std::string &what) {
    // fp16 exports hold fbgemm-packed products, which only x86-64 builds of libtorch have. Without
    // fbgemm (ARM) their packed weights fail as they are unpickled, in the quantized engine in use
    // (ONEDNN or QNNPACK: "... only supports INT8 bit width currently. Got Float"): only an fp16
    // product's packed weights are kept as float.
    if (what.find("linear_prepack_fp16") != std::string::npos || what.find("linear_dynamic_fp16") != std::string::npos ||
        what.find("bit width currently. Got Float") != std::string::npos) {
        Event e = failed(Code::PackedFp16, path);
        e.detail = short_error(what);
        return e;
    }
    for (const char *key : {"Unknown builtin op: ", "Unknown type name '", "Unknown type constructor "}) {
        const char *p = std::strstr(what.c_str(), key);
        if (!p) continue;
        p += std::strlen(key);
        Event e = failed(Code::UnknownOperator, path);
        e.name.assign(p, std::strcspn(p, "'.\n "));
        e.detail = sidecar_torch_version(path);
        return e;
    }
    Event e = failed(Code::NotTorchScript, path);
    e.detail = short_error(what);
    return e;
}

}  // namespace brave
