#pragma once
// An uninitialised array of n trivially copyable T for a solver's scratch: its whole
// memory is asked for on transparent huge pages (madvise(MADV_HUGEPAGE), for kernels in
// THP's "madvise" mode). A grid-sized buffer of 4 KiB pages costs a page fault every 4 KiB
// at first touch, and the faults weighed as much as filling it (under a hypervisor a
// fault is dearer still); 2 MiB pages take 512 times fewer. Where the kernel has no huge
// page to give, the pages are ordinary ones: only the speed differs.
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <vector>

namespace bordersim::routes {

template <class T>
class HugePageBuffer {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  explicit HugePageBuffer(std::size_t n) {
    constexpr std::size_t kHugePage = std::size_t{2} << 20;
    const std::size_t bytes = (n * sizeof(T) + kHugePage - 1) / kHugePage * kHugePage;
    data_ = static_cast<T*>(std::aligned_alloc(kHugePage, bytes > 0 ? bytes : kHugePage));
    if (data_ == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(data_, bytes, MADV_HUGEPAGE);  // advice only: a refusal leaves small pages
#endif
  }
  ~HugePageBuffer() { std::free(data_); }
  HugePageBuffer(const HugePageBuffer&) = delete;
  HugePageBuffer& operator=(const HugePageBuffer&) = delete;

  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }

 private:
  T* data_ = nullptr;
};

// v.assign(n, value), its memory first advised onto huge pages as above: the vector
// reserves n elements, then the whole 2 MiB pages inside that block are advised before
// the fill first touches them (a vector's block is not aligned on 2 MiB; its ends stay
// on small pages).
template <class T>
void assign_on_huge_pages(std::vector<T>& v, std::size_t n, const T& value) {
  v.clear();
  v.reserve(n);
#ifdef MADV_HUGEPAGE
  constexpr std::uintptr_t kHugePage = std::uintptr_t{2} << 20;
  const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
  const std::uintptr_t end = begin + n * sizeof(T);
  const std::uintptr_t first = (begin + kHugePage - 1) / kHugePage * kHugePage;
  const std::uintptr_t last = end / kHugePage * kHugePage;
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
#endif
  v.assign(n, value);
}

}  // namespace bordersim::routes
