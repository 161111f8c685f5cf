// glibc malloc settings for the site server and the embedded Postgres. By default glibc maps every
// allocation of 128 kB or more afresh (mmap) and returns freed memory at the heap's top to the system,
// so each ingestion batch (a 240 kB body, a ~600 kB query message growing by copies, Postgres's copies
// of its array parameters) touches new pages, and first touches are slow on this kind of VM (about
// 25 µs a page here). Keeping up to 8 MB allocations in the heap and 64 MB of freed memory mapped lets
// them reuse pages: in-process ingestion, 28 -> 26 ms of Node CPU and 34 -> 29 ms of Postgres CPU per
// 1,000-record batch. Environment variables: they change nothing where glibc is not the allocator.
export const MALLOC_TUNING = {
  MALLOC_MMAP_THRESHOLD_: String(8 * 1024 * 1024),
  MALLOC_TRIM_THRESHOLD_: String(64 * 1024 * 1024),
} as const;
