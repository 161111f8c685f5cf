// Business caps on what metered usage may add up to, far above any real space or account, chosen so
// that no sum the billing code stores can pass Postgres's 64-bit integers (9.22 × 10^18), whatever the
// rate card's prices. Pure constants, shared by ingestion and the OpenAPI document; Postgres holds them
// as CHECK constraints on the stored totals, which repeat the values (lib/db/schema, migration 0024).

/**
 * Units of one resource one space may report for one hour, over all its records and batches: ten
 * records at the per-record cap (10^15, a petabyte or 31,000 CPU-years). A UTC day's rollup of one
 * space then holds at most 2.4 × 10^17 units.
 */
export const MAX_SPACE_HOUR_UNITS = 10_000_000_000_000_000n; // 10^16

/**
 * Micro-dollars one billing account may be charged for one hour of usage, over all its spaces and
 * batches: $10 million an hour. Every hour from 2020 to 2100 billed at the cap comes to 7.0 × 10^18
 * micro-dollars, so no balance, transfer, day or hour sum can overflow; a batch (at most 1,000 hours)
 * stays under 10^16.
 */
export const MAX_ACCOUNT_HOUR_MICROS = 10_000_000_000_000n; // 10^13 = $10,000,000
